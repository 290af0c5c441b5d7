#!/usr/bin/env python3
"""A plain CRF baseline for issue 16's learning curve: python-crfsuite with the standard word
features of the sklearn-crfsuite tutorial, trained on exactly the split and the tokens
`cargo run --release --example learning_curve -- --dump DIR` wrote, scored by exact match
against every held-back span (nested ones included, which a flat tagger cannot produce).

    python3 -m venv /tmp/crf && /tmp/crf/bin/pip install python-crfsuite
    cargo run --release --example learning_curve -- --dump /tmp/splits
    /tmp/crf/bin/python scripts/crf_baseline.py /tmp/splits
"""
import json
import sys

import pycrfsuite


def features(sentence, i):
    word = sentence[i]["word"]
    f = {
        "bias": 1.0,
        "lower=" + word.lower(): 1.0,
        "suffix3=" + word[-3:]: 1.0,
        "suffix2=" + word[-2:]: 1.0,
        "isupper": float(word.isupper()),
        "istitle": float(word.istitle()),
        "isdigit": float(word.isdigit()),
    }
    for offset, name in ((-1, "prev"), (1, "next")):
        j = i + offset
        if 0 <= j < len(sentence):
            other = sentence[j]["word"]
            f[name + ":lower=" + other.lower()] = 1.0
            f[name + ":istitle"] = float(other.istitle())
            f[name + ":isupper"] = float(other.isupper())
        else:
            f["BOS" if offset < 0 else "EOS"] = 1.0
    return f


def spans(sentence, tags):
    out, current = [], None
    for token, tag in zip(sentence, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            if current:
                out.append(tuple(current))
            current = [token["start"], token["end"], tag[2:]]
        elif tag.startswith("I-"):
            current[1] = token["end"]
        else:
            if current:
                out.append(tuple(current))
            current = None
    if current:
        out.append(tuple(current))
    return out


def run(path):
    split = json.load(open(path))
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in split["train"]:
        for s in doc["sentences"]:
            trainer.append([features(s, i) for i in range(len(s))], [t["tag"] for t in s])
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": 100, "feature.possible_transitions": True})
    model = path + ".crfsuite"
    trainer.train(model)
    tagger = pycrfsuite.Tagger()
    tagger.open(model)
    tp = fp = fn = 0
    for doc in split["test"]:
        proposed = set()
        for s in doc["sentences"]:
            proposed.update(spans(s, tagger.tag([features(s, i) for i in range(len(s))])))
        gold = {tuple(g) for g in doc["gold"]}
        tp += len(proposed & gold)
        fp += len(proposed - gold)
        fn += len(gold - proposed)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp/splits"
    print("| annotated | CRF baseline P / R / F1 |")
    print("|---|---|")
    for name in ("10", "25", "50"):
        p, r, f = run(f"{directory}/split-{name}.json")
        print(f"| {name} % | {p:.2f} / {r:.2f} / **{f:.2f}** |")
