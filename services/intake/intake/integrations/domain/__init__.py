"""Pure rules of the webhook gateway, no I/O: ``audience`` (who may hear which event, and which
events a pattern names), ``webhooks`` (signing, patterns, retry schedule, the failing spell)."""
