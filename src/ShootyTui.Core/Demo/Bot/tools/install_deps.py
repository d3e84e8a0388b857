#!/usr/bin/env python3
"""Install the pinned requirements from vendor/ into .deps/, without network access.

Every line of requirements.txt must pin one version (name==version) of a package that is
vendored as vendor/<name>-<version>/. The new .deps is built next to the old one and swapped
in only when every requirement was copied, so a failed install leaves the old .deps in place.
Exit status 0 on success, 1 when a requirement is invalid or not vendored.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIREMENTS = os.path.join(ROOT, "requirements.txt")
VENDOR = os.path.join(ROOT, "vendor")
TARGET = os.path.join(ROOT, ".deps")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9][A-Za-z0-9.+!-]*)$")


class InstallError(Exception):
    pass


def read_requirements(path: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except FileNotFoundError:
        raise InstallError(f"{path} not found") from None

    pins = []
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        match = PIN.match(text)
        if match is None:
            raise InstallError(
                f"requirements.txt line {number}: '{text}' is not pinned: write it as name==version"
            )
        pins.append((match.group(1), match.group(2)))
    return pins


def copy_package(name: str, version: str, destination: str) -> None:
    source = os.path.join(VENDOR, f"{name}-{version}")
    if not os.path.isdir(source):
        available = sorted(entry for entry in os.listdir(VENDOR) if entry.startswith(f"{name}-"))
        hint = f" (vendored: {', '.join(available)})" if available else ""
        raise InstallError(
            f"{name}=={version} is not vendored: vendor/{name}-{version}/ not found{hint}. "
            f"Add the package under vendor/ or change the pin in requirements.txt."
        )
    for entry in os.listdir(source):
        path = os.path.join(source, entry)
        if os.path.isdir(path):
            shutil.copytree(path, os.path.join(destination, entry), dirs_exist_ok=True)
        elif entry.endswith(".py"):
            shutil.copy2(path, os.path.join(destination, entry))


def install() -> list[tuple[str, str]]:
    pins = read_requirements(REQUIREMENTS)
    staging = tempfile.mkdtemp(prefix=".deps.new-", dir=ROOT)
    try:
        for name, version in pins:
            print(f"installing {name}=={version} from vendor/{name}-{version}/", flush=True)
            copy_package(name, version, staging)
        with open(os.path.join(staging, "installed.json"), "w", encoding="utf-8") as file:
            json.dump(dict(pins), file, indent=2, sort_keys=True)

        retired = None
        if os.path.exists(TARGET):
            retired = tempfile.mkdtemp(prefix=".deps.old-", dir=ROOT)
            os.rmdir(retired)
            os.rename(TARGET, retired)
        os.rename(staging, TARGET)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return pins


def main() -> int:
    try:
        pins = install()
    except InstallError as error:
        print(f"install_deps: {error}", file=sys.stderr)
        return 1
    print(f"installed {len(pins)} package(s) into .deps/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
