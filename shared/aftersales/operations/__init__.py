"""What an operator does to a running installation, shared by the commands of the runtime
(``aftersales migrate|dlq|retenant|backfill|nats-credentials``) and by the developers' stack:
the application database and its migrations, dead letters and backfills across services,
moving a CRM's data to its tenant, and which streams each service reads."""
