#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing, and prints its path.
#   deploy/local/chromium.sh            # install if needed, print /usr/bin/chromium
# Playwright (playwright-core) drives it with executablePath; no browser is ever downloaded by a
# test tool (this machine's network reaches the package registries only). Env: C360_CHROMIUM.
set -euo pipefail

chromium="${C360_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$chromium" ]]; then
  echo "$chromium"
  exit 0
fi
[[ "$(id -u)" == 0 ]] || { echo "[chromium] $chromium is missing and installing it needs root" >&2; exit 1; }
echo "[chromium] installing Debian's chromium (apt)" >&2
# Several checkouts may run this at once: apt takes one caller at a time.
(
  flock 9
  if [[ ! -x "$chromium" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
  fi
) 9>/tmp/c360-apt.lock
[[ -x "$chromium" ]] || { echo "[chromium] the install did not provide $chromium" >&2; exit 1; }
echo "$chromium"
