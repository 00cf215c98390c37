"""Builds a large synthetic news stream from the real articles under ../shared/data.

The ~2,400 real articles (ECB+, WikiRef220, PolNeAR, the extraction benchmark's gold text) are
resampled into N articles with edits, so the archive looks like a wire-fed newsroom:

* events: each event takes one real article as its facts, with 15% of its words changed so that two
  events drawn from the same article are not copies of each other, and lives for a few days;
* originals: outlets writing up an event in their own words - a subset of the sentences, each
  reworded: 12% of words replaced by words drawn from the pool's vocabulary, numbers changed, and
  the words of every short stretch reordered, so two write-ups share the event's names and terms
  but seldom a run of eight words; a third of the sentences with a quotation stay verbatim (independent
  reports quote the same words);
* copies: syndicated near-duplicates of an earlier article of the same event, published within a
  day - 2% of words changed, one sentence maybe dropped, a credit line added. These are the gold
  near-duplicate pairs (copy, source) for the recall comparison;
* partial copies: an outlet lifting half of another article's paragraphs into its own write-up
  (passage reuse; not counted as near-duplicates).

Articles arrive at a steady rate over two years, in publication order, so the first 10,000 lines
of a 100,000-article corpus are a smaller archive of the same stream (bench/scale.sh uses that).

Output: OUT.jsonl (id, title, text, published, outlet) and OUT.pairs.tsv (copy id, source id).
The same seed gives the same corpus. Usage: python3 bench/scale_corpus.py N OUT [--seed S]
"""

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_baseline import DATA, load_ecbplus, load_wikiref  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
WORD = re.compile(r"[A-Za-z]+|\d[\d,.]*|\S")
ARTICLES_PER_EVENT = 20  # on average; events scale with N so story sizes do not
ORIGINAL_WORD_SWAP = 0.12
EVENT_WORD_SWAP = 0.15
VERBATIM_QUOTE = 0.3
REWORD_STRETCH = 4  # words
COPY_WORD_SWAP = 0.02
SHARE_COPY = 0.20
SHARE_PARTIAL = 0.05


def pool():
    """The real article texts, each a list of paragraphs of sentences."""
    texts = [d[1] for d in load_ecbplus()] + [d[1] for d in load_wikiref()]
    for part in ("train", "dev"):
        texts += [p.read_text(encoding="utf-8", errors="replace")
                  for p in sorted((DATA / "polnear" / part / "text").glob("*.txt"))]
    gold = json.loads((DATA / "article-extraction-benchmark" / "ground-truth.json").read_text())
    texts += [g["articleBody"] for _, g in sorted(gold.items()) if g.get("articleBody")]
    articles = []
    for text in texts:
        paragraphs = [[s for s in SENTENCE_END.split(p.strip()) if s]
                      for p in text.split("\n") if len(p.split()) >= 4]
        if sum(len(p) for p in paragraphs) >= 4:
            articles.append(paragraphs)
    return articles


def vocabulary(articles, rng):
    """A sample of the pool's words, as often as they occur: replacements look like news words."""
    words = [w for a in articles for p in a for s in p for w in s.split() if w.isalpha()]
    return rng.sample(words, min(len(words), 200_000))


def swap_words(sentence, rate, vocab, rng):
    out = []
    for token in sentence.split():
        if rng.random() < rate:
            if token[0].isdigit():
                token = str(rng.randint(2, 999))
            else:
                new = rng.choice(vocab)
                token = new.capitalize() if token[0].isupper() else new.lower()
        out.append(token)
    return " ".join(out)


def reword(sentence, vocab, rng):
    """Same words, mostly: some swapped, and the order inside short stretches shuffled."""
    if any(q in sentence for q in '"\u201c\u201d') and rng.random() < VERBATIM_QUOTE:
        return sentence
    words = swap_words(sentence, ORIGINAL_WORD_SWAP, vocab, rng).split()
    out = []
    for k in range(0, len(words), REWORD_STRETCH):
        stretch = words[k:k + REWORD_STRETCH]
        rng.shuffle(stretch)
        out += stretch
    return " ".join(out)


def original(base, vocab, rng):
    """An outlet's own write-up of the event: some of its sentences, reworded."""
    keep = rng.uniform(0.4, 0.9)
    paragraphs = []
    for p in base:
        kept = [reword(s, vocab, rng) for s in p if rng.random() < keep]
        if kept:
            paragraphs.append(kept)
    return paragraphs or [[reword(base[0][0], vocab, rng)]]


def copy(source, vocab, rng):
    """A syndicated near-duplicate: light edits, maybe one sentence fewer, a credit line."""
    paragraphs = [[swap_words(s, COPY_WORD_SWAP, vocab, rng) for s in p] for p in source]
    sentences = sum(len(p) for p in paragraphs)
    if sentences > 5 and rng.random() < 0.5:
        p = rng.randrange(len(paragraphs))
        paragraphs[p].pop(rng.randrange(len(paragraphs[p])))
        paragraphs = [p for p in paragraphs if p]
    paragraphs.append([rng.choice(["(Reporting by staff; editing by the desk)",
                                   "Additional reporting by wire services.",
                                   "This story has been corrected."])])
    return paragraphs


def partial(source, own, rng):
    """An outlet's write-up with half of another article's paragraphs lifted into it."""
    lifted = [p for p in source if rng.random() < 0.5] or source[:1]
    mixed = own + lifted
    rng.shuffle(mixed)
    return mixed


def render(paragraphs):
    return "\n\n".join(" ".join(p) for p in paragraphs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    articles = pool()
    vocab = vocabulary(articles, rng)
    outlets = [f"outlet{i:03d}" for i in range(300)]

    # Events spread over two years; each article belongs to one and is published within its days.
    start = dt.datetime(2024, 1, 1)
    events = max(1, args.n // ARTICLES_PER_EVENT)
    event_facts = [[[swap_words(s, EVENT_WORD_SWAP, vocab, rng) for s in p]
                    for p in articles[rng.randrange(len(articles))]] for _ in range(events)]
    event_start = [start + dt.timedelta(days=rng.uniform(0, 730)) for _ in range(events)]
    written = [[] for _ in range(events)]  # per event: (id, paragraphs)

    rows, pairs = [], []
    for i in range(args.n):
        e = rng.randrange(events)
        published = event_start[e] + dt.timedelta(days=rng.uniform(0, 4))
        doc_id = f"a{i:06d}"
        roll = rng.random()
        if written[e] and roll < SHARE_COPY:
            source_id, source, source_time = rng.choice(written[e])
            paragraphs = copy(source, vocab, rng)
            published = source_time + dt.timedelta(hours=rng.uniform(0.1, 24))
            pairs.append((doc_id, source_id))
        elif written[e] and roll < SHARE_COPY + SHARE_PARTIAL:
            _, source, source_time = rng.choice(written[e])
            paragraphs = partial(source, original(event_facts[e], vocab, rng), rng)
            published = source_time + dt.timedelta(hours=rng.uniform(0.1, 48))
        else:
            paragraphs = original(event_facts[e], vocab, rng)
        written[e].append((doc_id, paragraphs, published))
        title = " ".join(paragraphs[0][0].split()[:12])
        rows.append((published, {
            "id": doc_id,
            "title": title,
            "text": render(paragraphs),
            "published": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "outlet": rng.choice(outlets),
        }))

    # A feed arrives in publication order; copies are always later than their sources.
    rows.sort(key=lambda r: r[0])
    out = Path(args.out)
    with open(f"{out}.jsonl", "w", encoding="utf-8") as f:
        for _, row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(f"{out}.pairs.tsv", "w", encoding="utf-8") as f:
        for copy_id, source_id in pairs:
            f.write(f"{copy_id}\t{source_id}\n")
    print(f"{args.n} articles from {len(articles)} real ones, {events} events, "
          f"{len(pairs)} near-duplicate pairs -> {out}.jsonl", file=sys.stderr)


if __name__ == "__main__":
    main()
