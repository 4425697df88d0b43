"""What the console decides without I/O: sessions' lifetimes, CSRF tokens, who lands where."""
