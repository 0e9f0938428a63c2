#!/usr/bin/env python3
"""Dev script: figures.src -> figures.jsonl, and validation of all three label files.

  python3 make_figures.py [--realnews /work/shared/realnews]      # rebuild figures.jsonl, validate all
  python3 make_figures.py --check                                 # validate only

Checks: every quote is a verbatim substring of the article body (text after the front matter)
and unique in it, <= 300 chars; every figure is a substring of its quote with the given
occurrence and does not start or end inside a number; split agrees with the rule of README.md;
frames are contract names; ids unique. Exit 1 on any error.
"""
import argparse, hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMES = set("""acquire merger stake invest funding purchase sale contract payment fine loan license
revenue profit loss eps dividend valuation market_value share_price budget debt job_cuts jobs
market_share cost assets deficit surplus gdp inflation interest_rate unemployment exchange_rate
price tax sales_volume pay pension reserves forecast_other other none agreement""".split())
CLAIM_RELATIONS = set("""acquire merger stake invest funding purchase sale contract license agreement
loan payment fine approval legal_action terminate""".split())
ORG_TYPES = {"org", "person", "place", "gov"}


def split_of(path):
    return "frozen" if hashlib.md5(path.encode()).hexdigest()[0] in "0123" else "tune"


_bodies = {}
def body(root, path):
    if path not in _bodies:
        with open(os.path.join(root, path), encoding="utf-8") as f:
            t = f.read()
        if t.startswith("\ufeff"):
            t = t[1:]
        if t.startswith("---"):
            end = t.index("\n---", 3)
            t = t[t.index("\n", end + 1) + 1:]
        _bodies[path] = t
    return _bodies[path]


def nth(hay, needle, n):
    pos = -1
    for _ in range(n):
        pos = hay.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def parse_src(src):
    out, file, quote = [], None, None
    for ln, line in enumerate(open(src, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            file, quote = line[2:].strip(), None
        elif line.startswith("> "):
            quote = line[2:]
        else:
            parts = [p.strip() for p in line.split(" ; ")]
            if len(parts) != 5 or file is None or quote is None:
                sys.exit(f"figures.src:{ln}: bad line: {line}")
            fig, frame, owner, cp, period = [None if p == "-" else p for p in parts]
            occ = 1
            m = re.fullmatch(r"(.*)#(\d+)", fig)
            if m:
                fig, occ = m.group(1), int(m.group(2))
            kind = "percent" if re.search(r"%|\bpct\b|per ?cent|percent", fig, re.I) else "money"
            rec = {"id": None, "split": split_of(file), "file": file, "quote": quote, "figure": fig}
            if occ != 1:
                rec["occurrence"] = occ
            rec.update({"kind": kind, "frame": frame, "owner": owner, "counterparty": cp, "period": period,
                        "_line": ln})
            out.append(rec)
    for i, r in enumerate(out, 1):
        r["id"] = "F%04d" % i
    return out


def check_quote(root, rec, where, errors):
    try:
        b = body(root, rec["file"])
    except OSError as e:
        errors.append(f"{where}: {e}")
        return
    q = rec["quote"]
    if len(q) > 300:
        errors.append(f"{where}: quote longer than 300 chars")
    c = b.count(q)
    if c == 0:
        errors.append(f"{where}: quote not in {rec['file']}: {q[:80]}")
    elif c > 1:
        errors.append(f"{where}: quote not unique in {rec['file']}")
    if rec.get("split") != split_of(rec["file"]):
        errors.append(f"{where}: split {rec.get('split')} but the rule gives {split_of(rec['file'])}")


def validate(root, name, errors, counts):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return
    ids = set()
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        where = f"{name}:{ln}"
        rec = json.loads(line)
        if rec["id"] in ids:
            errors.append(f"{where}: duplicate id {rec['id']}")
        ids.add(rec["id"])
        check_quote(root, rec, where, errors)
        folder = rec["file"].split("/")[0]
        if name == "figures.jsonl":
            fig, occ = rec["figure"], rec.get("occurrence", 1)
            pos = nth(rec["quote"], fig, occ)
            if pos < 0:
                errors.append(f"{where}: figure {fig!r} (#{occ}) not in quote")
            else:
                before = rec["quote"][pos - 1:pos]
                after = rec["quote"][pos + len(fig):pos + len(fig) + 1]
                if re.match(r"[0-9.,]", before) or (re.match(r"[0-9]", after)):
                    errors.append(f"{where}: figure {fig!r} starts or ends inside a number")
            if rec["frame"] not in FRAMES:
                errors.append(f"{where}: unknown frame {rec['frame']}")
            if rec["period"] is not None and not re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|\d\d(-\d\d)?))?", rec["period"]):
                errors.append(f"{where}: bad period {rec['period']}")
            counts.setdefault(("figures", folder, rec["split"]), 0)
            counts[("figures", folder, rec["split"])] += 1
        elif name == "orgs.jsonl":
            pos = 0
            for n in rec["names"]:
                p = rec["quote"].find(n["text"], pos)
                if p < 0:
                    errors.append(f"{where}: name {n['text']!r} not in quote (in order)")
                else:
                    pos = p + len(n["text"])
                if n.get("type") not in ORG_TYPES:
                    errors.append(f"{where}: bad type {n.get('type')}")
            counts.setdefault(("orgs", folder, rec["split"]), 0)
            counts[("orgs", folder, rec["split"])] += len(rec["names"])
        elif name == "claims.jsonl":
            for c in rec["claims"]:
                if c.get("relation") not in CLAIM_RELATIONS:
                    errors.append(f"{where}: bad relation {c.get('relation')}")
            counts.setdefault(("claims", folder, rec["split"]), 0)
            counts[("claims", folder, rec["split"])] += len(rec["claims"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--realnews", default="/work/shared/realnews")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    if not a.check:
        recs = parse_src(os.path.join(HERE, "figures.src"))
        with open(os.path.join(HERE, "figures.jsonl"), "w", encoding="utf-8") as f:
            for r in recs:
                r = {k: v for k, v in r.items() if k != "_line"}
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    errors, counts = [], {}
    for name in ("figures.jsonl", "orgs.jsonl", "claims.jsonl"):
        validate(a.realnews, name, errors, counts)
    for k in sorted(counts):
        print("%-8s %-14s %-6s %5d" % (k[0], k[1], k[2], counts[k]))
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
