"""JetStream plumbing: the broker link, streams, the outbox relay and the consumer runner."""
