"""The gateway's use cases: ``policy`` (its rules), ``subscriptions`` (made, listed, switched,
rotated, removed; their deliveries), ``fan_out`` (an event queued for whoever may hear it),
``delivery`` (the worker's sends and what they mean for a subscription), ``privacy`` (erasure)."""
