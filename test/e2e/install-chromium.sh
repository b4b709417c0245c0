#!/bin/sh
# Installs Debian's chromium for the browser tests when it is missing (idempotent, quiet).
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
echo "installed $(/usr/bin/chromium --version 2>/dev/null)" >&2
