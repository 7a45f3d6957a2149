#!/usr/bin/env bash
# Runs every test against a real PostgreSQL (OMTANKE_TEST_DB, Testcontainers or a throwaway local cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
log=$(mktemp)
set +e
dotnet test OmtankeIndikatorer.sln -c Release --no-restore 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line in the plain form CI reads: "N passed, N failed, N skipped".
count() { { grep -E '^\s*(Passed|Failed)!' "$log" || true; } | sed -nE "s/.*$1: *([0-9]+).*/\1/p" | awk '{s+=$1} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "${passed:-0}" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "Inga tester kördes." >&2
  exit 1
fi
exit "$status"
