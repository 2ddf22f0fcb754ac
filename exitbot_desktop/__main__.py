"""`python -m exitbot_desktop`: the same as the `exitbot-desktop` command."""

import sys

from exitbot_desktop.cli import main

sys.exit(main())
