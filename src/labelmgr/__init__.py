"""labelmgr: run a young record label in your terminal."""
