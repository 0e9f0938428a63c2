#!/usr/bin/env bash
# Seeds for concord_config_fuzzer: every bundled configuration file behind the byte that picks
# its loader in config_fuzzer.cc. Usage: tools/fuzz/config_seeds.sh OUT_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?usage: config_seeds.sh OUT_DIR}"
mkdir -p "$out"
seed() {  # seed SELECTOR NAME FILE
  { printf "\\$(printf '%03o' "$1")"; cat "$3"; } > "$out/$2"
}
for rules in "$root"/extract/patterns/*.rules; do
  seed 0 "$(basename "$rules")" "$rules"
  seed 10 "load-$(basename "$rules")" "$rules"
done
seed 4 frames.lex "$root/extract/patterns/frames.lex"
seed 7 deals.lex "$root/extract/patterns/deals.lex"
seed 13 cues.lex "$root/extract/patterns/cues.lex"
seed 14 entities.tsv "$root/normalize/data/entities.tsv"
seed 16 conditions.lex "$root/normalize/data/conditions.lex"
seed 17 fiscal_years.tsv "$root/normalize/data/fiscal_years.tsv"
printf '\022# source\tprior\nReuters\t0.9\nexample-news.com\t0.4\n' > "$out/priors.tsv"
