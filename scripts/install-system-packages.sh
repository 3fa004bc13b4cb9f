#!/usr/bin/env bash
# Install the Debian packages a target needs, only when missing.
# As root (or with sudo that needs no password, as on CI runners): apt-get update once, then install.
# Otherwise: print the exact command.
# Usage: scripts/install-system-packages.sh PACKAGE...
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && as_root=(sudo -n); }
if [ "$(id -u)" -eq 0 ] || [ ${#as_root[@]} -gt 0 ]; then
  echo "Cài gói hệ thống còn thiếu: ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Thiếu gói hệ thống: ${missing[*]}. Chạy lệnh sau rồi thử lại:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
