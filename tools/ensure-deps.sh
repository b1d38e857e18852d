#!/usr/bin/env bash
# Installs the Debian packages gcsim builds with, if any is missing (apt-get; root or sudo).
set -euo pipefail
# make: the recorder builds MicroPython with it (gcsim record, tests/record/).
# python3 and time: the tests' input generators and report checks, and their peak-memory checks.
packages=(g++ make cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev libgtest-dev
          libbenchmark-dev zlib1g-dev libsimdjson-dev python3 time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "gcsim: installing ${missing[*]}" >&2
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
