"""The notifications' use cases: ``policy`` (their rules), ``triggers`` (which events tell a
customer what), ``notify`` (a message queued per channel), ``records`` (templates, consent, the
record of messages, erasure and export), ``sending`` (the worker's sends and retries)."""
