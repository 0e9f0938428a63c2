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

# Fuzz smoke: the parsers of user-written files (pattern files, lexicons, entity table, priors)
# and of articles (front matter, JSON, JSON lines, HTML, manifest), the recognizers and the
# whole extractor under libFuzzer with ASan + UBSan, a few hundred to a few thousand inputs
# each (long runs: tools/fuzz/README.md).
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
      -DCONCORD_BUILD_FUZZERS=ON -DCONCORD_BUILD_TESTS=OFF > /dev/null
cmake --build build-fuzz -j"$(nproc)" --target concord_config_fuzzer concord_corpus_fuzzer \
    concord_recognizers_fuzzer concord_pipeline_fuzzer
rm -rf build-fuzz/smoke && mkdir -p build-fuzz/smoke/config build-fuzz/smoke/corpus build-fuzz/smoke/text \
    build-fuzz/smoke/recognizers build-fuzz/smoke/pipeline
tools/fuzz/config_seeds.sh build-fuzz/smoke/config-seeds
build-fuzz/concord_config_fuzzer build-fuzz/smoke/config build-fuzz/smoke/config-seeds \
    -runs=600 -max_len=4096 -timeout=30 -seed=1 2>&1 | grep -v "Compile called before Add" | tail -n 3
build-fuzz/concord_corpus_fuzzer build-fuzz/smoke/corpus corpus/demo -runs=5000 -max_len=4096 -timeout=10 -seed=1 2>&1 | tail -n 3
# Text seeds: the demo articles and, where ../shared is present, the first 2 KB of a few real
# stories of each folder (read where they lie; only the fuzzer's working folder gets them).
cp corpus/demo/*.md build-fuzz/smoke/text/
if [ -d ../shared/realnews ]; then
  for f in $(ls ../shared/realnews/bbc-business/*.md | head -n 10) $(ls ../shared/realnews/reuters-21578/acq/*.md | head -n 10); do
    head -c 2048 "$f" > "build-fuzz/smoke/text/$(echo "$f" | tr '/' '_')"
  done
fi
build-fuzz/concord_recognizers_fuzzer build-fuzz/smoke/recognizers build-fuzz/smoke/text -runs=3000 -max_len=4096 \
    -timeout=10 -seed=1 -dict=tools/fuzz/recognizers.dict 2>&1 | tail -n 3
build-fuzz/concord_pipeline_fuzzer build-fuzz/smoke/pipeline build-fuzz/smoke/text -runs=1000 -max_len=4096 \
    -timeout=20 -seed=1 2>&1 | tail -n 3
