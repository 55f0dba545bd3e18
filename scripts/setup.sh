#!/usr/bin/env bash
# Installs what go-matrix's tests and example need from Debian, when missing: Go 1.19 (bookworm),
# Go 1.21, 1.22 and 1.23 (bookworm-backports, added with the URI of the existing Debian source),
# lcov (genhtml) and chromium (the summary screenshot). Idempotent: does nothing when all are there.
set -euo pipefail

missing=()
for v in 1.19 1.21 1.22 1.23; do
  [ -x "/usr/lib/go-$v/bin/go" ] || missing+=("golang-$v-go")
done
command -v genhtml >/dev/null 2>&1 || missing+=(lcov)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup: missing ${missing[*]}; run this script as root (it uses apt-get)" >&2
    exit 1
  fi
else
  SUDO=
fi

echo "setup: installing ${missing[*]}"
list=/etc/apt/sources.list.d/go-matrix-backports.list
if [ ! -f "$list" ] && ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || { echo "setup: no Debian source found in /etc/apt to derive bookworm-backports from" >&2; exit 1; }
  echo "deb $uri bookworm-backports main" | $SUDO tee "$list" >/dev/null
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  golang-1.19-go golang-1.21-go/bookworm-backports golang-1.22-go/bookworm-backports \
  golang-1.23-go/bookworm-backports lcov >/dev/null
for v in 1.19 1.21 1.22 1.23; do "/usr/lib/go-$v/bin/go" version; done
