"""`python -m game` is the same as `bashtag`."""

import sys

from game.cli import main

sys.exit(main())
