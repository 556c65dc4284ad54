"""Modal dialogs: each dismisses a typed result to its caller's callback."""
