#!/usr/bin/env bash
# Builds Concord and runs every test: the unit and end-to-end suites, then the recognizer
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
ctest --test-dir build --output-on-failure -j"$(nproc)"

# Packaging: the .deb installs with apt-get and runs the demo (needs root for apt-get).
if [ "$(id -u)" -eq 0 ]; then
  scripts/package_test.sh
else
  echo "test: package test skipped (apt-get install needs root)" >&2
fi

# Sanitizers: the recognizers take arbitrary text, so they run under ASan + UBSan too.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCONCORD_SANITIZE=ON > /dev/null
cmake --build build-asan -j"$(nproc)" --target extract_tests normalize_tests corpus_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/tests/extract_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/tests/normalize_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/tests/corpus_tests
