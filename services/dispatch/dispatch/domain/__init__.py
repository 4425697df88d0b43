"""Pure rules of dispatch: no I/O, no frameworks."""
