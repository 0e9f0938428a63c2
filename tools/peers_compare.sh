#!/usr/bin/env bash
# Concord's money and percent extraction side by side with the peer extractors of
# ../shared/peers (Recognizers-Text, compromise, chrono-node), on the same generated files, in
# one run: each process under /usr/bin/time -v, each output scored by the peers' score.py.
# Not run by CI (the peers need Node and minutes of CPU); results go to tools/BENCHMARKS.md.
#
#   tools/peers_compare.sh [N]                 # N articles, default 200
#   CONCORD=build-money/concord tools/peers_compare.sh 200
#
# Reads ../shared/peers (npm ci there if node_modules is missing), writes /tmp/peers/corpusN
# (if absent) and /tmp/peers/compareN/: per tool its output, time -v log and score, and
# summary.md, the table. Concord is scored twice: as from_concord.py maps it (a written-out
# range "$1bn to $2bn" is one mention, as DESIGN.md wants, but two entities in truth.jsonl), and
# with such a range given as its two bound mentions (the "bounds" of the JSON value).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
concord=${CONCORD:-$repo/build/concord}
replay=${REPLAY:-$(dirname "$concord")/concord_recognizers_replay}
n=${1:-200}
ref=2024-03-15
corpus=/tmp/peers/corpus$n
out=/tmp/peers/compare$n

[[ -x $concord ]] || { echo "peers_compare: no concord binary at $concord" >&2; exit 2; }
[[ -d $peers ]] || { echo "peers_compare: no peers folder at $peers" >&2; exit 2; }
[[ -d $peers/node_modules ]] || (cd "$peers" && npm ci)
[[ -d $corpus ]] || python3 "$peers/gen_corpus.py" --n "$n" --out "$corpus"
mkdir -p "$out"

# run NAME COMMAND...: stdout to NAME.out, stderr to NAME.err, time -v to NAME.time.
run() {
  local name=$1
  shift
  echo "peers_compare: $name" >&2
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err"
}

uptime >"$out/load.txt"
run concord "$concord" extract --jsonl --published "$ref" "$corpus"/*.txt
if [[ -x $replay ]]; then
  run recognizers_only "$replay" --time "$corpus"/*.txt
fi
run recognizers node "$peers/recognize.js" --ref "$ref" --models currency,percentage "$corpus"
run compromise node "$peers/compromise.js" --ref "$ref" --kinds money,percent "$corpus"
run chrono node "$peers/chrono.js" --ref "$ref" "$corpus"
uptime >>"$out/load.txt"

python3 "$peers/from_concord.py" "$corpus" <"$out/concord.out" >"$out/concord.jsonl"
# A range written as two amounts, as its two bounds (the convention of truth.jsonl).
python3 - "$out/concord.out" >"$out/concord_bounds.raw" <<'EOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    value = record.get("value") or {}
    bounds = value.get("bounds") if record.get("record") == "mention" else None
    if not bounds:
        print(line, end="")
        continue
    for span, bound in zip(bounds, ("low", "high")):
        part = dict(record, span=span, text=None)
        part["value"] = dict(value, low=value[bound], high=value[bound], qualifier="range")
        print(json.dumps(part))
EOF
python3 "$peers/from_concord.py" "$corpus" <"$out/concord_bounds.raw" >"$out/concord_bounds.jsonl"
for name in concord concord_bounds recognizers compromise chrono; do
  input=$out/$name.jsonl
  [[ $name == concord* ]] || input=$out/$name.out
  python3 "$peers/score.py" "$corpus/truth.jsonl" "$input" --by-form --errors 20 \
    >"$out/$name.score" 2>"$out/$name.errors"
done

python3 - "$out" "$corpus" <<'EOF'
import json, os, re, sys
out, corpus = sys.argv[1], sys.argv[2]
files = [f for f in os.listdir(corpus) if f.endswith(".txt")]
size = sum(os.path.getsize(os.path.join(corpus, f)) for f in files)

def timing(name):
    text = open(os.path.join(out, name + ".time")).read()
    get = lambda key: re.search(re.escape(key) + r": (.*)", text).group(1).strip()
    cpu = float(get("User time (seconds)")) + float(get("System time (seconds)"))
    wall = get("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    return cpu, seconds, int(get("Maximum resident set size (kbytes)")) / 1024

def scores(name):
    rows = {}
    path = os.path.join(out, name + ".score")
    if not os.path.exists(path):
        return rows
    for line in open(path):
        cells = line.split()
        if len(cells) == 8 and cells[0] in ("money", "percent", "date"):
            rows[cells[0]] = (cells[4], cells[5])
    return rows

def stats(name, tool=None):
    for line in open(os.path.join(out, name + ".err")):
        if line.startswith("STATS "):
            record = json.loads(line[6:])
            if tool is None or record.get("tool") == tool:
                return record
    return {}

print(f"{len(files)} articles, {size:,} bytes; load: {open(os.path.join(out, 'load.txt')).read().strip()}\n")
print("| tool | CPU s | wall s | MB/s per CPU s | articles/s per CPU s | peak RSS MB | money P / R | percent P / R | date P / R |")
print("|---|---:|---:|---:|---:|---:|---|---|---|")
rows = [("Concord `extract --jsonl` (whole pipeline: sentences, entities, claims, JSON)", "concord", "concord"),
        ("Concord, a written-out range scored as its two bounds", "concord", "concord_bounds"),
        ("Recognizers-Text 1.3.1 (currency, percentage)", "recognizers", "recognizers"),
        ("compromise 14.17.0 (money, percent)", "compromise", "compromise"),
        ("chrono-node 2.10.3 (dates only)", "chrono", "chrono")]
for label, timed, scored in rows:
    if not os.path.exists(os.path.join(out, timed + ".time")):
        continue
    cpu, wall, rss = timing(timed)
    s = scores(scored)
    pr = lambda k: " / ".join(s[k]) if k in s and s[k] != ("0.000", "0.000") else "–"
    print(f"| {label} | {cpu:.2f} | {wall:.2f} | {size / 1e6 / cpu:.4g} | {len(files) / cpu:.4g} | {rss:.1f} | {pr('money')} | {pr('percent')} | {pr('date')} |")

print("\nExtraction loops alone (after load and warm-up; Concord: CPU time, peers: wall time of their own loop):\n")
print("| loop | MB/s | articles/s |")
print("|---|---:|---:|")
loops = [("Concord money+percent recognizer (FindAmounts), CPU", "recognizers_only", "concord-amounts"),
         ("Concord money+percent+count+date recognizers (FindQuantities), CPU", "recognizers_only", "concord-quantities"),
         ("Recognizers-Text currency+percentage, wall", "recognizers", None),
         ("compromise money+percent, wall", "compromise", None),
         ("chrono-node dates, wall", "chrono", None)]
for label, name, tool in loops:
    if not os.path.exists(os.path.join(out, name + ".err")):
        continue
    st = stats(name, tool)
    if st:
        print(f"| {label} | {st.get('mb_per_s')} | {st.get('articles_per_s')} |")
EOF
