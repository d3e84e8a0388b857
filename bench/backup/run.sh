#!/usr/bin/env bash
# Compares BackupService.CreateAsync with `sqlite3 DB "VACUUM INTO"` on a WAL database of about
# SIZE_MB MiB (default 200) while a writer process inserts, RUNS times each (default 5).
# Writes RESULTS.md beside this script. The big files live in a temp folder that is removed
# at exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-5}
size_mb=${SIZE_MB:-200}

if ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -q sqlite3 >/dev/null
  else
    echo "sqlite3 is missing: install it with 'sudo apt-get install sqlite3'." >&2
    exit 1
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shooty-bench-backup.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! dotnet build "$here/Harness" -c Release -nologo -v q -o "$work/harness" \
  >"$work/build.log"; then
  cat "$work/build.log" >&2
  exit 1
fi

python3 "$here/bench.py" \
  --work "$work" \
  --harness "$work/harness/Harness" \
  --runs "$runs" \
  --size-mb "$size_mb" \
  --results "$here/RESULTS.md" \
  --command "RUNS=$runs SIZE_MB=$size_mb bench/backup/run.sh"
echo "Wrote $here/RESULTS.md" >&2
