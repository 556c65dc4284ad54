"""``python -m labelmgr`` runs the ``labelmgr`` command."""

from labelmgr.cli import main

raise SystemExit(main())
