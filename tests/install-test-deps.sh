#!/usr/bin/env bash
# Installs the programs the tests run for real: git, python3, gpg, tmux, flock, setsid and
# sqlite3. Uses apt-get only for what is missing.
set -euo pipefail

missing=()
for tool in git:git python3:python3 gpg:gnupg tmux:tmux flock:util-linux setsid:util-linux \
  sqlite3:sqlite3 ssh:openssh-client; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing test dependencies: ${missing[*]}; install them with apt-get (needs root)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
