"""The rules, one module per subsystem; ``labelmgr.engine.month`` runs them in order."""
