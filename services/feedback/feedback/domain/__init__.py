"""Pure rules of feedback: no I/O, no frameworks."""
