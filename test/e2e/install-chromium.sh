#!/bin/sh
# Installs Debian's chromium (browser tests) and poppler-utils (pdftotext/pdfinfo/pdftoppm for the printed reports)
# when missing (idempotent, quiet).
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -z "$missing" ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >/dev/null
test -x /usr/bin/chromium
command -v pdftotext >/dev/null
echo "installed:$missing" >&2
