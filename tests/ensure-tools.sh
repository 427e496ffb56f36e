#!/usr/bin/env bash
# What the tests need from Debian: Chromium for the browser tests (Playwright's own download
# cannot reach its servers here) and poppler's pdftotext/pdftoppm, which the PDF unit tests read
# the drawn invoices with. Installed only when missing, so the test command stays cheap on a
# machine that has them; run before the unit tests, since a fresh machine has neither.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
echo "Installing what the tests need from Debian (chromium, poppler-utils)…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
[ -x "$CHROMIUM" ] || { echo "Chromium is still missing at $CHROMIUM" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext is still missing (poppler-utils)" >&2; exit 1; }
