#!/usr/bin/env bash
# The main job: imports data-samples/ into the embedded PostgreSQL (.omtanke/) and writes the demo outputs under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Omtanke.Cli -c Release --no-restore --verbosity quiet -nologo
dotnet src/Omtanke.Cli/bin/Release/net10.0/omtanke.dll demo
