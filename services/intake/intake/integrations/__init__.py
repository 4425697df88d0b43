"""The webhook gateway: every service's events delivered to the integrators' webhooks, within
each caller's reach, signed, retried, and switched off when a receiver keeps failing. See
README.md beside this file."""
