"""The gateway's queries and its HTTP client: ``queue`` (deliveries queued per subscription),
``claims`` (fair claiming of due deliveries), ``sender`` (one bounded POST to a receiver)."""
