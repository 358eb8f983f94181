"""`python -m bot`: the same entry point as the `ccmflow-bot` console script."""

from bot.main import main

raise SystemExit(main())
