"""Local servers for `make run` and the tests: embedded PostgreSQL and NATS, and the services."""
