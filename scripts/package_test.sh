#!/usr/bin/env bash
# Builds the Debian package with CPack, installs it with apt-get from a clean folder, runs the
# demo with the installed /usr/bin/concord (data from /usr/share/concord), and removes it again.
# Needs root (apt-get install); scripts/test.sh runs it when it is root.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
work=$(mktemp -d)
cleanup() {
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq concord > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

(cd build && cpack -G DEB -B "$work/cpack" > "$work/cpack.log") || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/cpack/concord_*.deb)
mkdir "$work/clean"
cp "$deb" "$work/clean/"
cd "$work/clean"
dpkg-deb -f ./*.deb Depends | grep -q libre2 || fail "the package does not depend on libre2: $(dpkg-deb -f ./*.deb Depends)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./concord_*.deb > "$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install failed"; }

version=$(/usr/bin/concord --version)
grep -qx "data: /usr/share/concord" <<<"$version" || fail "installed concord does not use /usr/share/concord: $version"
/usr/bin/concord ingest /usr/share/doc/concord/examples/demo --db "$work/demo.db" > /dev/null 2>&1 ||
  fail "the installed concord could not ingest the installed demo corpus"
facts=$(/usr/bin/concord report --db "$work/demo.db" --format json | grep -c '"independent_sources"' || true)
[ "$facts" -gt 0 ] || fail "the installed concord's report has no facts"
man -w concord > /dev/null 2>&1 || fail "man concord finds no page"
[ -f /usr/share/bash-completion/completions/concord ] || fail "no bash completion installed"
echo "package_test: $(basename "$deb") installs with apt-get; the installed concord runs the demo ($facts facts)"
