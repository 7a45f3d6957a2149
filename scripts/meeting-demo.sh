#!/usr/bin/env bash
# The monthly meeting on the demo data (issue 26, "Done when"): everything up to May is delivered, the group
# meets and approves 2024-05 and comments on it; then the 2024-03 Varberg correction and the June deliveries
# arrive, and the June report, the meeting pack and the revisions show what changed since the meeting and why.
# Runs on its own embedded database under out/mote/.omtanke (stop it with: cd out/mote && omtanke db stop).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
dotnet build src/Omtanke.Cli -c Release --no-restore -v quiet -nologo > /dev/null
omtanke() { dotnet "$repo/src/Omtanke.Cli/bin/Release/net10.0/omtanke.dll" "$@"; }
work=out/mote
mkdir -p "$work" && cd "$work"
all=$(cd "$repo/data-samples/extracts" && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort)
after='2024-06|2024-Q2|rattelse/2024-03_1383'
files() { for f in $1; do echo "$repo/data-samples/extracts/$f"; done; }

echo "1. Leveranserna till och med maj:"
omtanke import $(files "$(echo "$all" | grep -vE "$after")") | grep -c importerad
echo "2. Mötet fastställer maj (ögonblicksbild $(omtanke approve --month 2024-05 --by Indikatorgruppen)) och kommenterar:"
omtanke comment add --indicator uk_medeldagar_somatik --area 1383 --period 2024-05 \
  --text "Varberg: längre väntan i maj förklaras av en stängd korttidsplats; följs upp i juni."
omtanke comment add --indicator uk_medeldagar_somatik --area 13 --period 2024-05 \
  --text "Följ upp ledtiderna i Varberg" --action --owner "Anna Berg" --follow-up 2024-07
echo "3. Rättelsen av Varbergs mars och junileveranserna:"
omtanke import $(files "$(echo "$all" | grep -E "$after")") | grep -v varning
echo "4. Ändrat sedan mötet (revisions.csv), junirapporten, maj som den visades och mötesunderlaget:"
omtanke revisions > revisions.csv && echo "   $(($(wc -l < revisions.csv) - 1)) ändrade värden i $work/revisions.csv"
omtanke report --period 2024-06 --out .
omtanke report --period 2024-05 --as-presented --out som-visad
omtanke meeting-pack --month 2024-06 --out .
