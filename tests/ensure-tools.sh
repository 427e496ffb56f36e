#!/usr/bin/env bash
# What the tests need from Debian: chromium-headless-shell for the browser tests (Playwright's own
# download cannot reach its servers here), poppler's pdftotext/pdftoppm, which the PDF unit tests
# read the drawn invoices with, and libxml2's xmllint, which the e-invoice unit tests validate the
# CII XML with. `ensure-tools.sh bench` also wants the full Chromium, which the benchmarks measure
# because it is the browser a person runs. Only what is missing is installed, in one apt-get call,
# so the test command stays cheap on a machine that has them; run before the unit tests, since a
# fresh machine has none of them.
set -euo pipefail
SHELL_BROWSER="${CHROMIUM_TEST_PATH:-/usr/bin/chromium-headless-shell}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
MISSING=()
[ -x "$SHELL_BROWSER" ] || MISSING+=(chromium-headless-shell)
if [ "${1:-}" = bench ]; then [ -x "$CHROMIUM" ] || MISSING+=(chromium); fi
{ command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; } || MISSING+=(poppler-utils)
command -v xmllint >/dev/null || MISSING+=(libxml2-utils)
if [ ${#MISSING[@]} -eq 0 ]; then exit 0; fi
echo "Installing what the tests need from Debian (${MISSING[*]})…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
[ -x "$SHELL_BROWSER" ] || { echo "chromium-headless-shell is still missing at $SHELL_BROWSER" >&2; exit 1; }
if [ "${1:-}" = bench ]; then [ -x "$CHROMIUM" ] || { echo "Chromium is still missing at $CHROMIUM" >&2; exit 1; }; fi
command -v pdftotext >/dev/null || { echo "pdftotext is still missing (poppler-utils)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint is still missing (libxml2-utils)" >&2; exit 1; }
