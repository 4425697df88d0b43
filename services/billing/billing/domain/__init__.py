"""Pure rules of billing: no I/O, no frameworks."""
