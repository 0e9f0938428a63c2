#!/usr/bin/env bash
# `cmake --install` gives a tree that runs on its own: the installed binary finds its data
# under PREFIX/share/concord relative to itself (also after the whole tree moves), with the
# man page and bash completion next to it, and gives the same report as the build tree's binary.
# Usage: install_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
for file in bin/concord share/concord/extract/patterns/frames.lex share/concord/normalize/data/entities.tsv \
            share/man/man1/concord.1 share/bash-completion/completions/concord; do
  [ -e "$work/prefix/$file" ] || fail "cmake --install did not install $file"
done

# Move the whole installed tree: the binary must follow its own location, not a compiled path.
mv "$work/prefix" "$work/moved"
concord="$work/moved/bin/concord"
unset CONCORD_DATA_DIR CONCORD_DATA
version=$("$concord" --version)
grep -qx "data: $work/moved/share/concord" <<<"$version" ||
  fail "installed binary does not use its own data: $version"

cd "$work"
"$concord" ingest "$source_dir/corpus/demo" --db installed.db > /dev/null 2>&1 ||
  fail "installed concord could not ingest the demo corpus"
"$build_dir/concord" ingest "$source_dir/corpus/demo" --db built.db > /dev/null 2>&1 ||
  fail "build-tree concord could not ingest the demo corpus"
"$concord" report --db installed.db --format json > installed.json
"$build_dir/concord" report --db built.db --format json > built.json
# Rule locations name the data folder each binary read; everything else must match byte for byte.
sed -e "s|$work/moved/share/concord|DATA|g" installed.json > installed.mapped
sed -e "s|$source_dir|DATA|g" built.json > built.mapped
cmp -s installed.mapped built.mapped || fail "installed and build-tree reports differ: $(diff installed.mapped built.mapped | head -5)"
grep -q '"facts"' installed.json || fail "report has no facts"

# CONCORD_DATA_DIR, when set, is the user's choice and wins over the installed data; a wrong
# one is named in the error.
status=0
CONCORD_DATA_DIR="$work/nowhere" "$concord" extract "$source_dir/corpus/demo" > /dev/null 2> err.txt || status=$?
[ "$status" -ne 0 ] || fail "a wrong CONCORD_DATA_DIR was ignored"
grep -q "$work/nowhere" err.txt || fail "the error does not name the wrong data folder: $(cat err.txt)"

# The man page renders, and the completion script defines the completion function.
if command -v man > /dev/null; then
  MANWIDTH=80 man -l "$work/moved/share/man/man1/concord.1" 2> /dev/null | grep -q "checks what the news says" ||
    fail "the man page does not render"
fi
bash -n "$work/moved/share/bash-completion/completions/concord" || fail "the completion script does not parse"
grep -q "complete -F _concord concord" "$work/moved/share/bash-completion/completions/concord" ||
  fail "the completion script registers nothing"
echo "install_test: installed tree runs the demo; report identical to the build tree's"
