#!/usr/bin/env bash
# Installs what Concord needs on Debian 12 (idempotent: packages already present are not
# fetched again), then configures and builds into build/.
#   scripts/setup.sh           building and running: the `concord` binary only
#   scripts/setup.sh --tests   also what the tests need (doctest, a JSON Schema validator,
#                              Chromium for the HTML report checks, python3), and every target
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--tests" ] && with_tests=1

# Building and running.
packages=(
  build-essential cmake pkg-config
  libre2-dev libicu-dev libutf8proc-dev libsqlitecpp-dev libsqlite3-dev
  libcli11-dev nlohmann-json3-dev libxxhash-dev libgumbo-dev zlib1g-dev libpq-dev
)
# Tests only (postgresql: the throwaway server the PostgreSQL store tests start, scripts/pg_cluster.sh).
test_packages=(
  doctest-dev libvalijson-dev python3 time man-db
  clang  # the fuzz smoke (libFuzzer, ASan, UBSan)
  chromium postgresql
)
[ "$with_tests" -eq 1 ] && packages+=("${test_packages[@]}")

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
if [ "$with_tests" -eq 1 ]; then
  cmake --build build -j"$(nproc)"
else
  cmake --build build -j"$(nproc)" --target concord
fi
