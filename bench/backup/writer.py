"""Insert rows into the benchmark database until a stop file appears, like a busy bot.

Each insert is its own transaction with the sqlite3 module's defaults (synchronous=FULL in
WAL mode). At exit it writes one line per insert, "<end unix time> <latency s>", to the log
file, and "errors <count> <last error>" as the last line.

Usage: writer.py DATABASE LOG_FILE STOP_FILE
"""

import os
import sqlite3
import sys
import time


def main() -> None:
    database, log_file, stop_file = sys.argv[1:4]
    connection = sqlite3.connect(database, timeout=10, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    samples = []
    errors = 0
    last_error = ""
    print("ready", flush=True)
    while not os.path.exists(stop_file):
        started = time.time()
        try:
            connection.execute(
                "INSERT INTO items (payload, note) VALUES (randomblob(1024), 'writer')"
            )
        except sqlite3.Error as error:
            errors += 1
            last_error = str(error)
            continue
        finished = time.time()
        samples.append((finished, finished - started))
    connection.close()
    with open(log_file, "w", encoding="utf-8") as log:
        for finished, latency in samples:
            log.write(f"{finished:.6f} {latency:.6f}\n")
        log.write(f"errors {errors} {last_error}\n")


if __name__ == "__main__":
    main()
