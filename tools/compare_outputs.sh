#!/usr/bin/env bash
# Byte-for-byte comparison of what two `concord` builds print (issue 19: a refactor must not
# change any output).
#
#   tools/compare_outputs.sh OLD NEW          OLD and NEW: a concord binary or a saved-output folder
#   tools/compare_outputs.sh --save BIN DIR   run BIN on every input and keep the outputs in DIR
#
# Inputs: corpus/demo, every case folder of tests/data/e2e (ingested as cases_test.cc does:
# the inputs its case.json lists, `@repo/` = the repository root), the seed pair in
# ../shared/seeds (SHARED_DIR overrides), and the labelled audit pairs of
# tests/data/audit/pairs.jsonl (each written as an article and a summary file).
# For each ingested input: `ingest` (stdout, stderr, exit code), `report --format json|md|html`,
# the source audit `audit --format json|md|html`, `claims --json`. For the seed pair and each
# audit pair: `audit summary ... --json` and `--format md`. Also `extract --jsonl` on the
# seed pair and the audit eval's summary line.
#
# Normalised, and nothing else: the temporary folder each run works in (it could appear in
# messages and reports as a path) becomes `@TMP@`, and the wall-clock seconds of ingest's
# summary line on stderr ("ingested 12 file(s) in 0.11 s:") become `@SECONDS@`. Reports and
# audits carry no timestamps today; if one ever does, normalise it here and say so.
#
# Exit 0 when identical, 1 on any difference (a diff is printed), 2 on a usage error.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED_DIR:-$REPO/../shared}"
[[ -d "$SHARED/seeds" ]] || SHARED=/work/shared

usage() { sed -n 2,7p "$0" >&2; exit 2; }

# produce BIN OUT: every output of BIN into folder OUT.
produce() {
  local bin="$1" out="$2"
  bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
  mkdir -p "$out"
  local work
  work="$(mktemp -d)"
  # Runs one command in $work; writes NAME.out, NAME.err (normalised) and NAME.rc.
  run() {
    local name="$1"; shift
    (cd "$work" && "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc")
    sed -i -e "s|$work|@TMP@|g" "$out/$name.out" "$out/$name.err"
    sed -i -E 's/^(ingested [0-9]+ file\(s\) in )[0-9.]+ s:/\1@SECONDS@ s:/' "$out/$name.err"
  }
  # ingest_and_report NAME INPUT...: a fresh database, then every store-reading output.
  ingest_and_report() {
    local name="$1"; shift
    rm -f "$work/c.db" "$work/c.db-wal" "$work/c.db-shm"
    run "$name.ingest" ingest "$@" --db c.db
    for format in json md html; do
      run "$name.report.$format" report --db c.db --format "$format"
      run "$name.audit.$format" audit --db c.db --format "$format"
    done
    run "$name.claims" claims --db c.db --json
  }

  ingest_and_report demo "$REPO/corpus/demo"
  for case_dir in "$REPO"/tests/data/e2e/*/; do
    local case_name inputs=()
    case_name="$(basename "$case_dir")"
    while IFS= read -r input; do
      if [[ "$input" == @repo/* ]]; then inputs+=("$REPO/${input#@repo/}"); else inputs+=("$case_dir$input"); fi
    done < <(jq -r '.inputs[]' "$case_dir/case.json")
    ingest_and_report "e2e-$case_name" "${inputs[@]}"
  done

  local seeds="$SHARED/seeds"
  ingest_and_report seeds "$seeds"
  run seeds.summary.json audit summary "$seeds/004_16985615542f03f2.txt" --against "$seeds/000_b020c2b63810bd90.txt" --json
  run seeds.summary.md audit summary "$seeds/004_16985615542f03f2.txt" --against "$seeds/000_b020c2b63810bd90.txt" --format md
  run seeds.extract extract --jsonl "$seeds"

  # The labelled audit pairs: article and summary as two files with front matter.
  local pairs="$work/pairs"
  mkdir -p "$pairs"
  python3 - "$REPO/tests/data/audit/pairs.jsonl" "$pairs" <<'EOF'
import json, sys, pathlib
root = pathlib.Path(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    item = json.loads(line)
    folder = root / item["id"]
    (folder / "sources").mkdir(parents=True)
    published = item.get("published", "")
    (folder / "sources" / "article.md").write_text(
        f"---\nsource: Source\npublished: {published}\n---\n{item['article']}\n", encoding="utf-8")
    (folder / "summary.md").write_text(
        f"---\nsource: Digest\npublished: {published}\nkind: summary\n---\n{item['summary']}\n", encoding="utf-8")
EOF
  for pair in "$pairs"/*/; do
    local id
    id="$(basename "$pair")"
    run "pair-$id.summary.json" audit summary "$pair/summary.md" --against "$pair/sources" --json
    run "pair-$id.summary.md" audit summary "$pair/summary.md" --against "$pair/sources" --format md
  done
  # The audit eval's own tally (an in-process AuditSummary per pair), when built beside BIN.
  local eval_bin
  eval_bin="$(dirname "$bin")/concord_audit_eval"
  if [[ "$(basename "$bin")" == concord && -x "$eval_bin" ]]; then
    "$eval_bin" "$REPO/tests/data/audit/pairs.jsonl" >"$out/audit_eval.out" 2>&1
  fi
  rm -rf "$work"
}

# outputs_of ARG: a folder as is, or a binary's outputs in a fresh folder.
outputs_of() {
  if [[ -d "$1" ]]; then echo "$1"; return; fi
  [[ -x "$1" ]] || { echo "not a binary or folder: $1" >&2; exit 2; }
  local out
  out="$(mktemp -d)"
  produce "$1" "$out" >&2
  echo "$out"
}

if [[ "${1:-}" == --save ]]; then
  [[ $# -eq 3 ]] || usage
  produce "$2" "$3"
  echo "saved $(ls "$3" | wc -l) files in $3"
  exit 0
fi
[[ $# -eq 2 ]] || usage
old="$(outputs_of "$1")"
new="$(outputs_of "$2")"
# The audit eval's tally is compared only when both sides have it.
exclude=()
if [[ ! -f "$old/audit_eval.out" || ! -f "$new/audit_eval.out" ]]; then exclude=(-x audit_eval.out); fi
if diff -r "${exclude[@]}" "$old" "$new"; then
  echo "identical: $(ls "$new" | wc -l) files"
  exit 0
fi
echo "DIFFERENT (old: $old, new: $new)"
exit 1
