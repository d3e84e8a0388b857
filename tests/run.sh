#!/usr/bin/env bash
# Installs the programs the tests run (when missing), builds with the formatter in check mode
# and runs every test, then prints the closing line "N passed, N failed" read from the results.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/install-test-deps.sh

results="TestResults"
rm -rf "$results"

dotnet build ShootyTui.sln -c Release -p:CSharpier_Check=true -nologo -v q
status=0
dotnet test ShootyTui.sln -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

trx="$results/results.trx"
if [[ ! -f "$trx" ]]; then
  echo "no test results were written ($trx missing)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
if [[ "${total:-0}" -eq 0 ]]; then
  echo "no tests ran" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
