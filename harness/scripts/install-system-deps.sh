#!/usr/bin/env bash
# What the tests need from the machine besides Node: Debian's Chromium (the HTML report test) and
# moto_server (the moto backend tests). Each is installed only when missing.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser test..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! command -v moto_server >/dev/null 2>&1; then
  echo "moto_server not found: installing moto[server] with pip..."
  python3 -m pip install --quiet 'moto[server]' || echo "warning: could not install moto; the moto tests will say how to get it"
fi
