"""The console's pages, one module per persona (``point``: the partner point's portal), and
what they share (``common``: the session, the CSRF check, the problems shown as pages)."""
