#!/usr/bin/env bash
# Install the Debian packages the app and its tests need, only those not yet installed.
# Usage: tools/ensure-debian-packages.sh run|test
# Does nothing (with a note) where apt-get is missing or we are not root: then the
# developer installs them by hand (README lists them).
set -euo pipefail

run_pkgs=(
  fonts-noto-cjk libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1
  libxcb-shm0 libxcb-xkb1 libxcb-xinerama0 libxcb-xinput0 libxkbcommon-x11-0
  libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3
)
test_pkgs=("${run_pkgs[@]}" poppler-utils zbar-tools xvfb postgresql cups printer-driver-cups-pdf nsis
  wine64 espeak-ng sox gcc libc6-dev sane-utils libsane1 nginx pgbouncer)

case "${1:-test}" in
  run) want=("${run_pkgs[@]}") ;;
  test) want=("${test_pkgs[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || { echo "note: not a Debian system; install the packages in README by hand"; exit 0; }

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "note: missing Debian packages (run as root to install): ${missing[*]}" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
