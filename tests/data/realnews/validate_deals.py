#!/usr/bin/env python3
"""Validate tests/data/realnews/deals.jsonl (several Reuters reports of one deal).

Checks, per deal: fields and their values are legal; ids unique; at least two stories,
each from a different file; every quote is a verbatim substring of the article body
(text after the front matter's closing '---' line); every figure is a substring of its
quote; 'published' equals the article's front matter; the split follows the rule in
DEALS.md (frozen iff the first hex digit of md5 of the deal's sorted, '|'-joined file
list is 0-3); and the figures agree with 'expect' (one_fact: every figure has the same
numeric value; timeline and dispute: at least two different values; timeline stories
are in date order).
Usage: validate_deals.py [--root /work/shared/realnews] [deals.jsonl]
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse, hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = {"one_fact", "timeline", "dispute"}
WHAT = {"offer_total", "offer_per_share", "stake_pct", "price", "value"}
STAGE = {"bid", "raised_bid", "agreed", "completed", "rejected", "withdrawn", "stake_disclosed"}
RELATION = {"acquire", "stake", "merger", "sale", "invest"}
SPLIT = {"tune", "frozen"}
KEYS = {"id", "split", "acquirer", "target", "relation", "stories", "expect", "note"}
SKEYS = {"file", "published", "quote", "figure", "what", "stage"}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10}


def article(root, rel, cache={}):
    if rel not in cache:
        t = open(os.path.join(root, rel), encoding="utf-8").read()
        pub = None
        body = t
        if t.startswith("---\n"):
            end = t.index("\n---\n", 4)
            m = re.search(r"^published:\s*(\S+)", t[:end], re.M)
            pub = m.group(1) if m else None
            body = t[end + 5:]
        cache[rel] = (pub, body)
    return cache[rel]


def split_of(files):
    h = hashlib.md5("|".join(sorted(files)).encode()).hexdigest()
    return "frozen" if h[0] in "0123" else "tune"


def value_of(figure):
    """Numeric value of a figure: first number (digits or a small number word) times scale."""
    m = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", figure)
    if m:
        v = float(m.group(0).replace(",", ""))
    else:
        w = re.search(r"[A-Za-z]+", figure)
        if not w or w.group(0).lower() not in WORDS:
            return None
        v = float(WORDS[w.group(0).lower()])
    low = figure.lower()
    if "billion" in low:
        v *= 1e9
    elif "mln" in low:
        v *= 1e6
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/work/shared/realnews")
    ap.add_argument("file", nargs="?", default=os.path.join(HERE, "deals.jsonl"))
    a = ap.parse_args()
    errs, ids, n = [], set(), 0
    counts = {}
    for ln, line in enumerate(open(a.file, encoding="utf-8"), 1):
        if not line.strip():
            continue
        n += 1
        try:
            d = json.loads(line)
        except ValueError as e:
            errs.append(f"line {ln}: bad JSON: {e}")
            continue
        did = d.get("id", f"line {ln}")
        def bad(msg):
            errs.append(f"{did}: {msg}")
        if set(d) != KEYS:
            bad(f"keys {sorted(set(d) ^ KEYS)} missing or extra")
            continue
        if did in ids:
            bad("duplicate id")
        ids.add(did)
        if d["split"] not in SPLIT: bad(f"split {d['split']!r}")
        if d["expect"] not in EXPECT: bad(f"expect {d['expect']!r}")
        if d["relation"] not in RELATION: bad(f"relation {d['relation']!r}")
        if not d["acquirer"] or not d["target"]: bad("empty party")
        st = d["stories"]
        if len(st) < 2:
            bad("fewer than two stories")
        files = [s.get("file") for s in st]
        if len(set(files)) != len(files):
            bad("two stories from one file")
        for s in st:
            if set(s) != SKEYS:
                bad(f"story keys {sorted(set(s) ^ SKEYS)}")
                continue
            path = os.path.join(a.root, s["file"])
            if not os.path.isfile(path):
                bad(f"{s['file']}: no such article")
                continue
            pub, body = article(a.root, s["file"])
            if s["quote"] not in body:
                bad(f"{s['file']}: quote not verbatim in body: {s['quote'][:60]!r}")
            if s["figure"] not in s["quote"]:
                bad(f"{s['file']}: figure {s['figure']!r} not in quote")
            if pub != s["published"]:
                bad(f"{s['file']}: published {s['published']} != front matter {pub}")
            if s["what"] not in WHAT: bad(f"{s['file']}: what {s['what']!r}")
            if s["stage"] not in STAGE: bad(f"{s['file']}: stage {s['stage']!r}")
        want = split_of(files)
        if d["split"] != want:
            bad(f"split {d['split']} but the md5 rule gives {want}")
        vals = [value_of(s.get("figure", "")) for s in st]
        if None in vals:
            bad("a figure has no number")
        elif d["expect"] == "one_fact" and len(set(vals)) != 1:
            bad(f"one_fact with different values {vals}")
        elif d["expect"] in ("timeline", "dispute") and len(set(vals)) < 2:
            bad(f"{d['expect']} with one value only")
        if d["expect"] == "timeline":
            dates = [s.get("published", "") for s in st]
            if dates != sorted(dates):
                bad("timeline stories not in date order")
        k = (d["split"], d["expect"])
        counts[k] = counts.get(k, 0) + 1
    for e in errs:
        print(e)
    print(f"{n} deals, {sum(len(json.loads(l)['stories']) for l in open(a.file) if l.strip())} stories; "
          + ", ".join(f"{s}/{e}: {c}" for (s, e), c in sorted(counts.items())))
    print("OK" if not errs else f"{len(errs)} errors")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
