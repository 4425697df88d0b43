"""One function per command, working inside the caller's unit of work."""
