#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser). Playwright's own browser
# download cannot be used here, so playwright-core drives the distro build. Idempotent.
set -euo pipefail

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium already present at $CHROMIUM_PATH"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# env, not a prefix assignment, so the variable survives sudo.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "chromium installed but $CHROMIUM_PATH is missing; set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installed $("$CHROMIUM_PATH" --version 2>/dev/null)"
