"""Pure rules of the call register: no I/O, no frameworks."""
