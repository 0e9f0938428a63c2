#!/usr/bin/env bash
# Installs Concord's build and test dependencies on Debian 12 (idempotent: packages already
# present are not fetched again), then configures and builds into build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libre2-dev libicu-dev libutf8proc-dev libsqlitecpp-dev libsqlite3-dev
  doctest-dev libcli11-dev nlohmann-json3-dev libxxhash-dev libgumbo-dev zlib1g-dev
  python3 time
  chromium libvalijson-dev
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_type="${CONCORD_BUILD_TYPE:-RelWithDebInfo}"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" > /dev/null
cmake --build build -j"$(nproc)"
