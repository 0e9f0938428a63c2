#!/usr/bin/env python3
"""Validate tests/data/realnews/orgs.jsonl and claims.jsonl against the articles.

Checks: every quote is a verbatim substring of the article body (text after the
front matter's closing '---' line) and occurs once; every name text and every
claim party / value / term / condition occurs in its quote; ids unique; split
follows the md5 rule (frozen iff the first hex digit of md5(path relative to the
realnews root) is 0-3); types and relation / polarity / modality values legal.
Usage: validate_labels.py [--root /work/shared/realnews] [files...]
"""
import argparse, collections, hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"org", "person", "place", "gov"}
RELATIONS = {"acquire", "merger", "stake", "invest", "funding", "purchase", "sale", "contract",
             "license", "agreement", "loan", "payment", "fine", "approval", "legal_action",
             "terminate"}
POLARITY = {"affirmed", "negated", "ceased"}
MODALITY = {"fact", "plan", "considering", "conditional"}


def body(root, rel, cache={}):
    if rel not in cache:
        t = open(os.path.join(root, rel), encoding="utf-8").read()
        if t.startswith("---\n"):
            t = t[t.index("\n---\n", 4) + 5:]
        cache[rel] = t
    return cache[rel]


def split_of(rel):
    return "frozen" if hashlib.md5(rel.encode()).hexdigest()[0] in "0123" else "tune"


def words_in(text, quote):
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(text) + r"(?![A-Za-z0-9])", quote) is not None


def check(path, root, errs):
    ids, n = set(), 0
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        where = f"{os.path.basename(path)}:{ln}"
        r = json.loads(line)
        n += 1
        if r["id"] in ids:
            errs.append(f"{where}: duplicate id {r['id']}")
        ids.add(r["id"])
        if r["split"] != split_of(r["file"]):
            errs.append(f"{where}: split {r['split']} but md5 rule says {split_of(r['file'])}")
        b = body(root, r["file"])
        q = r["quote"]
        if q not in b:
            errs.append(f"{where}: quote not in {r['file']}: {q[:60]!r}")
        elif b.count(q) > 1:
            errs.append(f"{where}: quote not unique in {r['file']}")
        if len(q) > 300:
            print(f"note {where}: quote is {len(q)} chars (> 300)", file=sys.stderr)
        if "names" in r:
            need = collections.Counter(x["text"] for x in r["names"])
            for x in r["names"]:
                if x["type"] not in TYPES:
                    errs.append(f"{where}: bad type {x['type']}")
                if not x.get("canonical"):
                    errs.append(f"{where}: no canonical for {x['text']}")
                if not words_in(x["text"], q):
                    errs.append(f"{where}: name {x['text']!r} not in quote")
            for t, k in need.items():
                if len(re.findall(r"(?<![A-Za-z0-9])" + re.escape(t) + r"(?![A-Za-z0-9])", q)) < k:
                    errs.append(f"{where}: {t!r} listed {k} times but occurs fewer")
        if "claims" in r:
            for c in r["claims"]:
                if c["relation"] not in RELATIONS:
                    errs.append(f"{where}: bad relation {c['relation']}")
                if c["polarity"] not in POLARITY or c["modality"] not in MODALITY:
                    errs.append(f"{where}: bad polarity/modality {c['polarity']}/{c['modality']}")
                for k in ("subject", "counterparty", "value", "term", "condition"):
                    if c.get(k) is not None and c[k] not in q:
                        errs.append(f"{where}: {k} {c[k]!r} not in quote")
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/work/shared/realnews")
    ap.add_argument("files", nargs="*", default=[os.path.join(HERE, "orgs.jsonl"),
                                                 os.path.join(HERE, "claims.jsonl")])
    a = ap.parse_args()
    errs = []
    for f in a.files:
        print(f"{os.path.basename(f)}: {check(f, a.root, errs)} lines")
    for e in errs:
        print(e)
    print("OK" if not errs else f"{len(errs)} errors")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
