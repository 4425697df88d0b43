"""One function per command. Each works inside the caller's unit of work and flushes; the unit of
work commits (together with the staged events) once the request or message is done."""
