"""Reuse + stories at scale, and near-duplicate detection next to datasketch's MinHashLSH.

Runs `parallax analyze` on the synthetic stream from scale_corpus.py at each size (the smaller
corpora are prefixes of the largest: the same stream, a smaller archive) and prints, per size, the
time of each stage, the cost per article of reuse + stories, and peak memory. Then it runs
datasketch (MinHash of the same 5-word shingles, 128 permutations, MinHashLSH at Jaccard 0.5) on the
same documents and scores both systems' recall of the gold near-duplicate pairs (copy, source).

Run through bench/scale.sh, which builds the binary and provides the venv. See bench/README.md.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "parallax"
WORK = ROOT / "target" / "scale"
STAGES = re.compile(r"documents ([\d.]+) s, reuse ([\d.]+) s, stories ([\d.]+) s, "
                    r"entities ([\d.]+) s, reconcile ([\d.]+) s, writing ([\d.]+) s")
WORD = re.compile(r"\w+")


def corpus(size, largest):
    """WORK/c{size}.jsonl and its gold pairs: the first `size` lines of the largest corpus."""
    big = WORK / f"c{largest}"
    if not Path(f"{big}.jsonl").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "scale_corpus.py"), str(largest), str(big)],
                       check=True)
    path = WORK / f"c{size}"
    if size != largest and not Path(f"{path}.jsonl").exists():
        with open(f"{big}.jsonl", encoding="utf-8") as src, open(f"{path}.jsonl", "w", encoding="utf-8") as dst:
            for k, line in enumerate(src):
                if k == size:
                    break
                dst.write(line)
    ids = {json.loads(line)["id"] for line in open(f"{path}.jsonl", encoding="utf-8")}
    pairs = [tuple(l.split()) for l in open(f"{big}.pairs.tsv", encoding="utf-8")]
    return Path(f"{path}.jsonl"), [p for p in pairs if p[0] in ids and p[1] in ids]


def run_ours(path, jobs, scope):
    """(seconds of each stage, peak RSS in MB, {frozenset(pair): kind}) of one analyze run."""
    out = WORK / f"out-{path.stem}"
    cmd = [str(BINARY), "analyze", str(path), "--out", str(out)]
    if scope == "stories":
        cmd.append("--stories-only")
    if jobs:
        cmd += ["--jobs", str(jobs)]
    # GNU time reports the peak RSS of parallax itself. (The rusage of a child forked from this
    # process would count the pages it shares with this large Python process before exec.)
    peak_file = WORK / "peak-rss-kb"
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(peak_file)] + cmd,
                            check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    peak = int(peak_file.read_text().split()[-1])
    stages = STAGES.search(result.stdout)
    documents, reuse, stories, entities, reconcile, writing = (float(x) for x in stages.groups())
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    found = {frozenset((r["a"], r["b"])): r["kind"] for r in analysis["reuse"]}
    return {"wall": wall, "documents": documents, "reuse": reuse, "stories": stories,
            "entities": entities, "reconcile": reconcile, "writing": writing,
            "peak_mb": peak / 1024}, found


def shingles(text):
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}


def run_datasketch(path, threshold, perms):
    """(seconds, candidate pairs) of MinHash + MinHashLSH insert + query over the corpus."""
    from datasketch import MinHash, MinHashLSH

    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    hashes = {}
    for d in docs:
        m = MinHash(num_perm=perms)
        m.update_batch([s.encode("utf-8") for s in shingles(d["text"])])
        hashes[d["id"]] = m
        lsh.insert(d["id"], m)
    found = set()
    for doc_id, m in hashes.items():
        for other in lsh.query(m):
            if other != doc_id:
                found.add(frozenset((doc_id, other)))
    return time.perf_counter() - started, found


def recall(gold, found):
    return sum(frozenset(p) in found for p in gold) / max(1, len(gold))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes (default 10000,100000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of parallax per size; medians are printed")
    ap.add_argument("--jobs", type=int, help="pass --jobs to parallax")
    ap.add_argument("--scope", choices=["stories", "full"], default="stories",
                    help="stories: the reuse + stories job alone (--stories-only, the default); "
                         "full: the whole analysis")
    ap.add_argument("--datasketch-size", type=int, help="corpus size for the datasketch comparison (default: largest)")
    ap.add_argument("--no-datasketch", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.5, help="MinHashLSH Jaccard threshold")
    ap.add_argument("--perms", type=int, default=128)
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"parallax analyze, scope: {args.scope}")

    print(f"{'articles':>9} {'run s':>7} {'docs s':>7} {'reuse s':>8} {'stories s':>9} {'entities s':>10} {'write s':>8} "
          f"{'reuse+stories us/article':>25} {'peak MB':>8} {'near-dup recall':>16}")
    ours = {}
    for size in sizes:
        path, gold = corpus(size, sizes[-1])
        runs = [run_ours(path, args.jobs, args.scope) for _ in range(args.repeat)]
        med = {k: statistics.median(r[0][k] for r in runs) for k in runs[0][0]}
        per_article = statistics.median((r[0]["reuse"] + r[0]["stories"]) / size * 1e6 for r in runs)
        found = runs[-1][1]
        ours[size] = (med, found, gold, path)
        print(f"{size:>9} {med['wall']:>7.2f} {med['documents']:>7.2f} {med['reuse']:>8.2f} "
              f"{med['stories']:>9.2f} {med['entities']:>10.2f} {med['writing']:>8.2f} {per_article:>25.1f} {med['peak_mb']:>8.0f} "
              f"{recall(gold, found):>16.3f}")
    if len(sizes) > 1:
        first, last = ours[sizes[0]][0], ours[sizes[-1]][0]
        ratio = ((last["reuse"] + last["stories"]) / sizes[-1]) / ((first["reuse"] + first["stories"]) / sizes[0])
        print(f"per-article cost of reuse + stories, {sizes[-1]} vs {sizes[0]} articles: {ratio:.2f}x")

    if args.no_datasketch:
        return
    size = args.datasketch_size or sizes[-1]
    if size not in ours:
        path, gold = corpus(size, sizes[-1])
        timing, found = run_ours(path, args.jobs, args.scope)
        ours[size] = (timing, found, gold, path)
    med, found, gold, path = ours[size]
    one_worker = run_ours(path, 1, args.scope)[0]
    seconds, ds_found = run_datasketch(path, args.threshold, args.perms)
    kinds = {}
    for p in gold:
        kinds[found.get(frozenset(p), "missed")] = kinds.get(found.get(frozenset(p), "missed"), 0) + 1
    print(f"\nnear-duplicates on {size} articles ({len(gold)} gold pairs: copy, source)")
    print(f"{'system':<34} {'recall':>7} {'pairs found':>12} {'seconds':>8}")
    print(f"{'datasketch MinHashLSH (J>=' + str(args.threshold) + ')':<34} {recall(gold, ds_found):>7.3f} "
          f"{len(ds_found):>12} {seconds:>8.2f}")
    print(f"{'parallax reuse stage, all cores':<34} {recall(gold, found):>7.3f} {len(found):>12} {med['reuse']:>8.2f}")
    print(f"{'parallax reuse stage, --jobs 1':<34} {'':>7} {'':>12} {one_worker['reuse']:>8.2f}")
    print(f"{'parallax whole run, all cores':<34} {'':>7} {'':>12} {med['wall']:>8.2f}")
    print(f"gold pairs by our kind: {kinds}")
    print(f"speed, datasketch / parallax reuse stage: {seconds / med['reuse']:.1f}x on all cores, "
          f"{seconds / one_worker['reuse']:.1f}x on one worker; "
          f"datasketch / parallax whole run: {seconds / med['wall']:.1f}x")


if __name__ == "__main__":
    main()
