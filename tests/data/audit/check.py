#!/usr/bin/env python3
"""Validate pairs.jsonl and print the number of items per error type.

Usage: python3 tests/data/audit/check.py [tests/data/audit/pairs.jsonl]
Exits non-zero if a line is malformed.
"""
import collections
import json
import os
import re
import sys

TYPES = {"value", "magnitude", "direction", "hedge_lost", "date", "boundary",
         "polarity", "condition", "unsupported"}
KEYS = {"id", "published", "article", "summary", "consistent", "error"}


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text.strip()) if s]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "pairs.jsonl")
    counts = collections.Counter()
    ids = set()
    bad = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            item = json.loads(line)
            problems = []
            if set(item) != KEYS:
                problems.append("keys %s" % sorted(set(item) ^ KEYS))
            if item.get("id") in ids:
                problems.append("duplicate id")
            ids.add(item.get("id"))
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.get("published", "")):
                problems.append("published is not YYYY-MM-DD")
            if not 4 <= len(sentences(item.get("article", ""))) <= 10:
                problems.append("article should have 4-10 sentences")
            if not 2 <= len(sentences(item.get("summary", ""))) <= 4:
                problems.append("summary should have 2-4 sentences")
            if item.get("consistent") is True:
                if item.get("error") is not None:
                    problems.append("consistent item with an error")
                counts["faithful"] += 1
            elif item.get("consistent") is False:
                err = item.get("error") or ""
                kind = err.split(":", 1)[0]
                if kind not in TYPES or ": " not in err:
                    problems.append("error must be '<type>: <what changed>'")
                counts[kind] += 1
            else:
                problems.append("consistent must be true or false")
            for p in problems:
                print("%s:%d (%s): %s" % (path, n, item.get("id"), p))
            bad += bool(problems)
    total = sum(counts.values())
    print("items: %d" % total)
    for kind in ["faithful"] + sorted(TYPES):
        print("  %-12s %d" % (kind, counts[kind]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
