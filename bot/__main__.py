"""`python -m ccmflow.bot`: the same entry point as the `ccmflow-bot` console script."""

from .main import main

raise SystemExit(main())
