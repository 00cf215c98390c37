#!/usr/bin/env python3
"""HTML main-text extraction benchmark: Parallax vs trafilatura.

Data: ../shared/data/article-extraction-benchmark (Zyte/scrapinghub, 181 pages).
Metric: our own re-implementation of the upstream evaluate.py (scrapinghub/
article-extraction-benchmark): multisets of 4-gram shingles over `\\w+` tokens
(case-sensitive), per-page precision/recall, means over pages, F1 of the means.
Run through bench/html_extraction.sh, which sets up the venv and builds.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
DEFAULT_BIN = ROOT / "target" / "release" / "parallax"
OUT_DIR = ROOT / "target" / "bench-html"
# Upstream README figures for baseline-outputs/, used to validate our metric.
EXPECTED_F1 = {"trafilatura": 0.958, "news_please": 0.948,
               "readability_js": 0.947, "readability_rs": 0.873}

# ---------------------------------------------------------------- metric ----
# str patterns are Unicode-aware, so this is upstream's tokeniser. Upstream
# passes re.IGNORECASE, which does nothing for \w: there is NO case folding.
TOKEN_RE = re.compile(r"\w+")
NGRAM = 4


def tokens(text):
    return TOKEN_RE.findall(text or "")


def shingles(text):
    toks = tokens(text)
    if len(toks) < NGRAM:
        # Upstream: a text with 1..3 tokens is one short shingle; empty -> none.
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i:i + NGRAM]) for i in range(len(toks) - NGRAM + 1))


def page_scores(true, pred):
    """(precision, recall) for one page; None where upstream skips the page.

    Upstream normalises tp/fp/fn to sum 1, which leaves these ratios unchanged.
    An empty prediction has tp+fp == 0, so it is left out of the precision
    mean and only costs recall.
    """
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    return prec, rec


def page_f1(prec, rec):
    # Only for ranking/debugging; not part of the upstream metric.
    if prec is None and rec is None:
        return 1.0  # both empty
    if not prec or not rec:
        return 0.0
    return 2 * prec * rec / (prec + rec)


def evaluate(truth, pred):
    """truth: {id: text}; pred: {id: text or None}, missing ids = empty."""
    per_page = {k: page_scores(t, pred.get(k)) for k, t in truth.items()}
    precs = [p for p, _ in per_page.values() if p is not None]
    recs = [r for _, r in per_page.values() if r is not None]
    prec = statistics.mean(precs) if precs else 0.0
    rec = statistics.mean(recs) if recs else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    # Upstream's "accuracy": exact equality of token sequences.
    acc = statistics.mean(tokens(t) == tokens(pred.get(k)) for k, t in truth.items())
    return {"precision": prec, "recall": rec, "f1": f1, "accuracy": acc,
            "per_page": per_page}


# --------------------------------------------------------------- systems ----
def load_predictions(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    version = ""
    if set(data) == {"version", "output"}:  # newer upstream outputs are wrapped
        data, version = data["output"], data["version"]
    return {k: (v or {}).get("articleBody") for k, v in data.items()}, version


def full_text(doc):
    """The article as a reader sees it: section headings put back where their sections start.

    Parallax keeps headings out of `body` (in `sections`), but the benchmark's gold text has them."""
    body = (doc.get("body") or "").encode("utf-8")  # section starts are byte offsets
    pieces, at = [], 0
    for section in sorted(doc.get("sections", []), key=lambda s: s["start"]):
        start = section["start"]
        pieces.append(body[at:start].decode("utf-8"))
        pieces.append(section["heading"] + "\n\n")
        at = start
    pieces.append(body[at:].decode("utf-8"))
    return "".join(pieces)


def run_ours_once(binary, html_dir, jobs, parse):
    """One timed `parallax analyze` run; its bodies when `parse`."""
    out = Path(tempfile.mkdtemp(prefix="parallax-bench-"))
    try:
        # extraction only, like trafilatura: no reuse or story clustering across the pages
        cmd = [str(binary), "analyze", str(html_dir), "--out", str(out), "--jobs", str(jobs), "--documents-only"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        secs = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.exit(f"error: {' '.join(cmd)} exited {proc.returncode}\n{proc.stderr[-2000:]}")
        bodies = None
        if parse:  # output is deterministic; parse it once
            doc = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
            bodies = {d["id"]: full_text(d) for d in doc.get("documents", [])}
        return secs, bodies
    finally:
        shutil.rmtree(out, ignore_errors=True)


def trafilatura_runner(html_dir, ids, include_comments):
    """A function doing one timed in-process pass (reading + gunzip included, as ours does)."""
    import trafilatura

    paths = [html_dir / f"{k}.html.gz" for k in ids]

    def one(path):
        # All benchmark pages are valid UTF-8; upstream decodes strictly.
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        return trafilatura.extract(html, include_comments=include_comments)

    one(paths[0])  # warm-up: imports, lazy model/regex initialisation

    def timed_pass():
        t0 = time.perf_counter()
        out = [one(p) for p in paths]
        return time.perf_counter() - t0, dict(zip(ids, out))

    return timed_pass, trafilatura.__version__


# ---------------------------------------------------------------- report ----
def fmt(x):
    return "-" if x is None else f"{x:.3f}"


def print_table(rows, n_pages):
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'total s':>8} {'ms/page':>8} {'pages/s':>8}")
    for name, m, secs in rows:
        speed = (f"{secs:8.3f} {1000 * secs / n_pages:8.2f} {n_pages / secs:8.1f}"
                 if secs else f"{'':>8} {'':>8} {'':>8}")
        print(f"{name:<34} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['accuracy']:6.3f} {speed}")


def baseline_rows(data, truth):
    rows = []
    for path in sorted((data / "baseline-outputs").glob("*.json")):
        pred, version = load_predictions(path)
        rows.append((f"[{path.stem} {version}]".replace(" ]", "]"), evaluate(truth, pred), None, path.stem))
    return rows


def write_debug(truth, urls, ours, results, primary):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if ours is not None:
        # Upstream prediction schema, so it can also be fed to upstream evaluate.py.
        (OUT_DIR / "ours.json").write_text(json.dumps(
            {k: {"articleBody": ours.get(k) or ""} for k in truth}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    cols = ["sha", "url"]
    for name in ("ours", "trafilatura"):
        cols += [f"{name}_P", f"{name}_R", f"{name}_F1"]
    lines = ["\t".join(cols)]
    for k in sorted(truth, key=lambda k: page_f1(*results[primary]["per_page"][k])):
        row = [k, urls[k]]
        for name in ("ours", "trafilatura"):
            pr = results[name]["per_page"][k] if name in results else None
            row += [fmt(pr[0]), fmt(pr[1]), fmt(page_f1(*pr))] if pr else ["", "", ""]
        lines.append("\t".join(row))
    (OUT_DIR / "per_page.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines[1:]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--bin", type=Path, default=DEFAULT_BIN)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per system (median reported)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="parallel run's --jobs (default: all cores)")
    ap.add_argument("--worst", type=int, default=0, metavar="K", help="list the K pages with lowest F1")
    ap.add_argument("--trafilatura-no-comments", action="store_true",
                    help="extract(include_comments=False), as upstream ran it (default: library defaults)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--ours-only", action="store_true", help="skip trafilatura")
    mode.add_argument("--trafilatura-only", action="store_true", help="skip our binary")
    mode.add_argument("--baselines", action="store_true", help="only score baseline-outputs/ (metric check)")
    args = ap.parse_args()

    gt = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v["articleBody"] for k, v in gt.items()}
    urls = {k: v.get("url", "") for k, v in gt.items()}
    html_dir, n = args.data / "html", len(truth)

    baselines = baseline_rows(args.data, truth)
    if args.baselines:
        print(f"{len(truth)} pages; baseline-outputs scored with our metric vs upstream README F1:")
        print_table([(name, m, None) for name, m, _, _ in baselines], n)
        ok = True
        for name, m, _, stem in baselines:
            want = EXPECTED_F1.get(stem)
            if want is not None:
                match = round(m["f1"], 3) == want
                ok &= match
                print(f"  {stem:<16} F1 {m['f1']:.4f}  upstream {want:.3f}  {'OK' if match else 'MISMATCH'}")
        return 0 if ok else 1

    run_ours = not args.trafilatura_only
    run_traf = not args.ours_only
    if run_ours and not (args.bin.is_file() and os.access(args.bin, os.X_OK)):
        sys.exit(f"error: binary {args.bin} not found; build it (cargo build --release) "
                 "or run bench/html_extraction.sh without --no-build")
    job_counts = list(dict.fromkeys([1, args.jobs])) if run_ours else []  # dedupe on 1-core machines
    if run_traf:
        traf_pass, version = trafilatura_runner(html_dir, list(truth), not args.trafilatura_no_comments)
    # Rounds interleave the systems, so a slow spell of a shared machine hits both sides of a
    # round; the speed ratio reported is the median of the per-round ratios.
    times = {jobs: [] for jobs in job_counts}
    traf_times, ours, traf = [], None, None
    for round_no in range(args.repeat):
        for jobs in job_counts:
            secs, bodies = run_ours_once(args.bin, html_dir, jobs, parse=ours is None)
            times[jobs].append(secs)
            ours = ours if bodies is None else bodies
        if run_traf:
            secs, out = traf_pass()
            traf_times.append(secs)
            traf = traf if traf is not None else out

    results, rows = {}, []
    if run_ours:
        missing = sum(1 for k in truth if not ours.get(k))
        if missing:
            print(f"note: {missing} of {n} pages missing/empty in our output (scored as empty)")
        results["ours"] = evaluate(truth, ours)
        for jobs, secs in times.items():
            rows.append((f"parallax --jobs {jobs}", results["ours"], statistics.median(secs)))
    if run_traf:
        results["trafilatura"] = evaluate(truth, traf)
        label = " (no comments)" if args.trafilatura_no_comments else ""
        rows.append((f"trafilatura {version}{label}", results["trafilatura"], statistics.median(traf_times)))

    print(f"{n} pages, median of {args.repeat} interleaved rounds; reference rows [..] are upstream's saved outputs")
    print_table(rows + [(name, m, None) for name, m, _, _ in baselines], n)
    if run_ours and run_traf:
        for jobs, secs in times.items():
            ratios = sorted(t / o for t, o in zip(traf_times, secs))
            print(f"speed: trafilatura / parallax --jobs {jobs} = {statistics.median(ratios):.2f}x "
                  f"(median of per-round ratios; range {ratios[0]:.1f}-{ratios[-1]:.1f}x)")
        print(f"F1: parallax - trafilatura = {results['ours']['f1'] - results['trafilatura']['f1']:+.3f}")

    primary = "ours" if "ours" in results else "trafilatura"
    ranked = write_debug(truth, urls, ours, results, primary)
    print(f"per-page scores: {OUT_DIR / 'per_page.tsv'}" + (f", bodies: {OUT_DIR / 'ours.json'}" if ours is not None else ""))
    if args.worst:
        print(f"\n{args.worst} worst pages for {primary} (sha, P, R, F1, url):")
        off = 2 if primary == "ours" else 5
        for line in ranked[:args.worst]:
            f = line.split("\t")
            print(f"  {f[0][:12]}  {f[off]:>5} {f[off + 1]:>5} {f[off + 2]:>5}  {f[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
