#!/usr/bin/env python3
"""Wrapper that starts bot.py as a child and exits on SIGTERM without waiting for it.

Usage: wrapper.py CHILD_PID_FILE [bot.py arguments...]. The child stays in the wrapper's
process group, so only signalling the whole group reaches it.
"""

import os
import signal
import subprocess
import sys

child_pid_file = sys.argv[1]
bot = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bot.py")
child = subprocess.Popen([sys.executable, bot] + sys.argv[2:])
with open(child_pid_file, "w") as file:
    file.write(str(child.pid))

signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(0))
child.wait()
