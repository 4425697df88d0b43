"""The console's own tables (sessions, sign-in links) and its calls to the four services."""
