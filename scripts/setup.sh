#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks (Debian packages), then restores the locked packages.
# Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-dejavu-core: the charts are drawn in DejaVu Sans, which has å ä ö. chromium: the browser tests.
packages=(postgresql fonts-dejavu-core chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerar Debian-paket: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Debian package starts a system cluster; ours are private, so it is not needed.
dotnet restore OmtankeIndikatorer.sln --locked-mode --verbosity quiet
