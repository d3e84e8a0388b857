#!/usr/bin/env python3
"""Start ShootyBot: python3 bot.py (see README.md)."""

import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))

# Requirements are installed into .deps by tools/install_deps.py, not into site-packages.
sys.path.insert(0, os.path.join(ROOT, ".deps"))

try:
    import scorefmt  # noqa: F401
except ImportError:
    sys.exit("scorefmt is not installed: run 'python3 tools/install_deps.py' first")

from shootybot.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(ROOT))
