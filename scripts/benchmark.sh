#!/usr/bin/env bash
# National-scale benchmark (not a test): generates ~1.5 M slutenvård stays, ~10 M läkarbesök and a
# 1 M-row utskrivningsklara file, imports them through the CLI, and prints figures against the goals.
# Needs ~3 GB of free disk in the temporary folder. Extra arguments go to the benchmark (--dir DIR, --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build bench/Omtanke.Benchmark -c Release --no-restore --verbosity quiet -nologo
dotnet bench/Omtanke.Benchmark/bin/Release/net10.0/Omtanke.Benchmark.dll "$@"
