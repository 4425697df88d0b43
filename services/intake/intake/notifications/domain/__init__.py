"""Pure rules of the customer notifications, no I/O: ``templates`` (kinds, locales, wording and
placeholders, the words of a reschedule's reason), ``quiet_hours`` (when a message may go, and
which are urgent)."""
