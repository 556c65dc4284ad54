"""The terminal game: Textual screens over the service layer (no game rule lives here)."""
