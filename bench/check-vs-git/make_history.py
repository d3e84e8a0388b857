#!/usr/bin/env python3
"""Write a git fast-import stream of a synthetic bot history to stdout.

Commits 0..END-1 are simulated so that file contents are the same on every run, but only
commits START..END-1 are written. When START > 0 the stream continues refs/heads/main, so a second
import can push new commits on top of an existing repository.
"""
import argparse
import sys

FILE_COUNT = 40
EPOCH = 1_700_000_000


def simulate(end):
    files = {f"bot/module_{n:02}.py": [f"# module {n}\n"] for n in range(FILE_COUNT)}
    files["requirements.txt"] = ["discord.py==2.3.0\n"]
    for i in range(end):
        changed = {}
        path = f"bot/module_{i % FILE_COUNT:02}.py"
        lines = files[path]
        lines.extend(f"def feature_{i}_{k}():\n    return {k}\n" for k in range(2))
        if len(lines) > 3:
            lines[1] = f"VERSION = {i}\n"
        changed[path] = lines
        if i % 10 == 9:
            files["requirements.txt"] = [f"discord.py==2.3.{i}\n", "aiohttp==3.9.0\n"]
            changed["requirements.txt"] = files["requirements.txt"]
        yield i, changed


def data(text):
    raw = text.encode()
    return b"data %d\n" % len(raw) + raw + b"\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, required=True)
    args = parser.parse_args()

    out = sys.stdout.buffer
    for i, changed in simulate(args.end):
        if i < args.start:
            continue
        author = f"Dev {i % 5} <dev{i % 5}@example.test> {EPOCH + i * 60} +0000"
        out.write(b"commit refs/heads/main\n")
        out.write(f"author {author}\ncommitter {author}\n".encode())
        out.write(data(f"Change {i}: update {len(changed)} file(s)\n"))
        if i == args.start and args.start > 0:
            out.write(b"from refs/heads/main^0\n")
        for path, lines in changed.items():
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(data("".join(lines)))
        out.write(b"\n")


if __name__ == "__main__":
    main()
