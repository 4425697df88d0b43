"""Test harness: real PostgreSQL and NATS, started the way `make run` starts them."""
