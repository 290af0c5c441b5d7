#!/usr/bin/env python3
"""Writes tests/fixtures/import/: press-database exports in each layout, office documents,
PDFs and tables, built from our own short articles with real tools where they exist
(LibreOffice for DOCX/ODT/RTF, pandoc for DOCX/EPUB, reportlab for PDF, openpyxl for XLSX,
qpdf for encryption). Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui
pandoc qpdf; pip install reportlab openpyxl. Run from the repository root:
    python3 scripts/make-import-fixtures.py
The texts are ours (MIT OR Apache-2.0, like the code)."""

import os, shutil, subprocess, zipfile, json, csv, io

OUT = "tests/fixtures/import"
SRC = os.path.join(OUT, "src")
os.makedirs(SRC, exist_ok=True)

NBSP = "\u00a0"

# Three articles. WIRE is an agency dispatch that two outlets run with small edits.
WIRE = [
    "Moscou et Pékin ont annoncé mardi un programme commun de recherche en intelligence artificielle, "
    "au terme de deux jours de discussions dans la capitale russe entre les ministres chargés du numérique.",
    "Le texte prévoit des laboratoires communs, l’échange de chercheurs et l’élaboration de normes techniques "
    "partagées. Il dénonce ce qu’il appelle « les tentatives de certains pays occidentaux de monopoliser la technologie ».",
    "Selon le Kremlin, Vladimir Poutine et Xi Jinping devraient en parler lors de leur prochaine rencontre, "
    "prévue au printemps. Aucun calendrier de financement n’a été rendu public.",
]
WIRE_EDITED = [WIRE[0].replace("mardi", "mercredi"), WIRE[1], WIRE[2].replace("au printemps", "en avril")]
SUMMIT = [
    "Au lendemain du sommet de Paris, Emmanuel Macron et Narendra Modi ont plaidé pour une intelligence "
    "artificielle « ouverte et au service de tous », entre le modèle américain et le modèle chinois.",
    "Les deux dirigeants ont signé une déclaration qui prévoit des centres de recherche communs et l’échange d’ingénieurs.",
]
BRUSSELS = [
    "Brussels wants the AI Act to become the reference for the rest of the world, the European commissioner "
    "said on Thursday, as Washington and Beijing pursue rival approaches.",
    "Critics in the industry warn that the rules could push start-ups to move to the United States.",
]


def write(name, data, mode="w", encoding="utf-8"):
    path = os.path.join(OUT, name)
    with open(path, mode, encoding=None if "b" in mode else encoding, newline="" if "b" not in mode else None) as f:
        f.write(data)
    return path


def soffice(src, fmt, outdir=OUT):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# --- Europresse, current layout ---------------------------------------------------------------
def europresse_article(journal, header, title, author, paragraphs, docnum, url=None, subtitle=None, rubric=None):
    sub = f'<p class="rdp__subtitle">{subtitle}</p>' if subtitle else ""
    rub = f"<div><p>{rubric}</p></div>" if rubric else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    link = (f'<div class="Doc-UrlRef"><a class="linkReferencedDoc" href="{url}" target="_blank">'
            f"Cet article est paru dans {journal} (site web)</a></div>") if url else ""
    return f"""<article> <header> <img sourcecode="LM" src="logo.gif" /> <div> <span class="DocPublicationName">{journal}, no. 24567 </span> </div>
<div> <span class="DocHeader">{header}</span> </div> {rub} <div class="titreArticle"> <p class="titreArticleVisu">{title}</p> {sub} </div>
<div>{author}</div> </header> <section> <div class="DocText"> <div class='docOcurrContainer'> {body} </div> </div> </section>
<aside> <div> <b>Note(s) : </b> </div> </aside> {link} <footer> <a name="complement"></a> <small>© 2024 {journal}. Tous droits réservés.</small>
<p>Numéro de document : {docnum}</p> <div id="divPubliC"> <div> <span id="PubliC_lblNodoc">{docnum}</span> </div>
<div> <span id="PubliC_lblCertificatIssuedTo">Ce certificat est émis à <b>Université</b> à des fins de visualisation personnelle et temporaire.</span> </div>
<div> <span>Date d'émission : <b><span id="PubliC_lblEndDate">2024-03-01</span></b></span> </div>
<div> <span class="txtCertificat">Le présent document est protégé par les lois et conventions internationales sur le droit d'auteur et son utilisation est régie par ces lois et conventions.</span> </div> </div> </footer> </article>"""


wire_marked = list(WIRE)
wire_marked[0] = wire_marked[0].replace("intelligence artificielle", "<mark>intelligence artificielle</mark>")
europresse = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title></head><body>" + "\n".join([
    europresse_article("Le Monde", "International, mardi 6 février 2024, p. 3", "Moscou et Pékin s’allient sur l’IA",
                       "Isabelle Mandraud", wire_marked, "news·20240206·LM·3412345",
                       url="https://www.lemonde.fr/international/article/2024/02/06/moscou-pekin-ia.html",
                       subtitle="Les deux capitales veulent des normes communes", rubric="INTERNATIONAL"),
    europresse_article("Le Figaro", "Économie, jeudi 1er février 2024, p. 21", "Une « troisième voie » pour l’IA",
                       "Claire Dubois", SUMMIT, "news·20240201·LF·998877"),
    # The same article exported twice (as happens across searches): a duplicate.
    europresse_article("Le Figaro", "Économie, jeudi 1er février 2024, p. 21", "Une « troisième voie » pour l’IA",
                       "Claire Dubois", SUMMIT, "news·20240201·LF·998877"),
]) + "</body></html>"
write("europresse.html", europresse)

# --- Europresse, older table layout (meta says ISO-8859-1, bytes are UTF-8) -------------------
def old_article(journal, parts, title, paragraphs, docnum):
    header = "".join(f'<span class="DocHeader">{p}</span>' for p in parts)
    body = "<br/>".join(paragraphs)
    return f"""<table><tr><td><span class="DocPublicationName">{journal}</span><br/>{header}<br/><br/>
<span class="TitreArticleVisu">{title}</span><br/><br/>{body}<br/><br/>© 2013 {journal}. Tous droits réservés.<br/><br/>
Numéro de document : {docnum}</td></tr></table>
<table class="certificat"><tr><td>Ce certificat est émis à Université à des fins de visualisation personnelle et temporaire.</td></tr></table><hr/>"""


old = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>"
       + old_article("Libération, no. 10123 -", ["Politique, ", "jeudi ", "5 octobre 2013"], "Le numérique au Parlement",
                     ["Les députés ont débattu mercredi d’un texte sur la souveraineté numérique.",
                      "Le gouvernement veut des « champions européens » de l’intelligence artificielle."],
                     "news·20131005·LI·123456")
       + old_article("L'Humanité", ["Monde, ", "vendredi ", "6 octobre 2013"], "Un accord russo-chinois",
                     ["Moscou et Pékin ont signé un accord de coopération scientifique."], "news·20131006·HU·654321")
       + "</body></html>")
write("europresse-old.htm", old)

# --- Factiva XML -----------------------------------------------------------------------------
factiva_xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ppsarticleResponse><ppsarticleResultSet>
<article accessionNo="AFPFR00020240207ek270001a">
  <headline><paragraph>Moscou et Pékin s’allient sur l’intelligence artificielle</paragraph></headline>
  <byline>Par Anne Martin</byline>
  <sourceName>Agence France Presse</sourceName><sourceCode>AFPFR</sourceCode>
  <publicationDate><date>2024-02-07</date></publicationDate>
  <wordCount>142</wordCount><baseLanguage>fr</baseLanguage>
  <leadParagraph><paragraph>{WIRE_EDITED[0].replace("intelligence artificielle", "<hlt>intelligence artificielle</hlt>")}</paragraph></leadParagraph>
  <tailParagraphs><paragraph>{WIRE_EDITED[1]}</paragraph><paragraph>{WIRE_EDITED[2]}</paragraph></tailParagraphs>
  <copyright>(c) 2024 Agence France-Presse</copyright>
</article>
<article accessionNo="REUTEN0020240208ek280002b">
  <headline><paragraph>EU wants its AI rules to set the global standard</paragraph></headline>
  <sourceName>Reuters News</sourceName>
  <publicationDate><date>2024-02-08T10:15:00Z</date></publicationDate>
  <baseLanguage>en</baseLanguage>
  <leadParagraph><paragraph>{BRUSSELS[0]}</paragraph></leadParagraph>
  <tailParagraphs><paragraph>{BRUSSELS[1]}</paragraph></tailParagraphs>
</article>
</ppsarticleResultSet></ppsarticleResponse>
"""
write("factiva.xml", factiva_xml)

# --- Factiva TXT (and RTF through LibreOffice) ------------------------------------------------
def factiva_txt_article(fields, lead, body, an):
    lines = []
    for code, value in fields:
        lines.append(f"\t{code}\t{value}")
    lines.append("\tLP\t" + lead[0])
    for p in lead[1:]:
        lines += ["", "\t" + p]
    lines.append("\tTD\t" + body[0])
    for p in body[1:]:
        lines += ["", "\t" + p]
    lines += ["\tNS\tgcat : Political/General News | gpol : Domestic Politics", "\tRE\tfra : France | eurz : Europe",
              f"\tAN\tDocument {an}", "", f"Document {an}", "", ""]
    return "\n".join(lines)


factiva_txt = "\n".join([
    factiva_txt_article([("HD", "Une « troisième voie » pour l’intelligence artificielle"), ("BY", "Claire Dubois"),
                         ("WC", "1 234 mots"), ("PD", "1 février 2024"), ("SN", "Le Figaro"), ("SC", "FIGARO"),
                         ("PG", "21"), ("LA", "Français"), ("CY", "(c) 2024 Le Figaro.")],
                        SUMMIT[:1], SUMMIT[1:], "FIGARO0020240201ek210000z"),
    factiva_txt_article([("HD", "EU wants its AI rules to set the global standard"), ("WC", "312 words"),
                         ("PD", "8 February 2024"), ("SN", "Reuters News"), ("LA", "English")],
                        BRUSSELS[:1], BRUSSELS[1:], "LBA0000020240208ek280003c"),
])
write("factiva.txt", factiva_txt)
shutil.copy(os.path.join(OUT, "factiva.txt"), os.path.join(SRC, "factiva-rtf.txt"))
soffice(os.path.join(SRC, "factiva-rtf.txt"), "rtf:Rich Text Format", SRC)
shutil.move(os.path.join(SRC, "factiva-rtf.rtf"), os.path.join(OUT, "factiva.rtf"))
os.remove(os.path.join(SRC, "factiva-rtf.txt"))

# --- Nexis Uni DOCX (lines through LibreOffice: one paragraph per line) -----------------------
def nexis_uni(articles):
    cover = ["Date and Time: Friday, 9. February 2024 10:31:00 CET", "Job Number: 215512", "Documents (3)"]
    for i, a in enumerate(articles):
        cover += [f"{i + 1}. {a['title']}", "Client/Matter: -None-", "Search Terms: intelligence artificielle", ""]
    lines = cover + ["", "", "", ""]
    for a in articles:
        lines += [a["title"], a["pub"], a["date"], "", "Copyright 2024 " + a["pub"] + " All Rights Reserved", ""]
        lines += [f"Section:{NBSP}{a['section']}", f"Length:{NBSP}{a['length']} words", f"Byline:{NBSP}{a['by']}", "", "Body", ""]
        for p in a["body"]:
            lines += [p, ""]
        if a.get("classification"):
            lines += ["Classification", "", f"Language:{NBSP}ENGLISH", f"Subject:{NBSP}ARTIFICIAL INTELLIGENCE (92%)",
                      f"Load-Date:{NBSP}February 9, 2024", ""]
        lines += ["End of Document", "", ""]
    return "\n".join(lines)


nexis_articles = [
    {"title": "EU wants its AI rules to set the global standard", "pub": "The Guardian (London)",
     "date": "February 8, 2024 Thursday 9:20 AM GMT", "section": "TECHNOLOGY; Version:2", "length": "312",
     "by": "Jennifer Rankin in Brussels", "body": BRUSSELS, "classification": True},
    {"title": "Paris and New Delhi seek a third way on AI", "pub": "The Times of India",
     "date": "February 12, 2025 Wednesday", "section": "WORLD", "length": "401", "by": "Staff writer",
     "body": ["Emmanuel Macron and Narendra Modi called for an open artificial intelligence serving everyone, "
              "between the American and the Chinese models.",
              "The declaration provides for joint research centres and exchanges of engineers."]},
]
write("src/nexis-uni.txt", nexis_uni(nexis_articles))
soffice(os.path.join(SRC, "nexis-uni.txt"), "docx:MS Word 2007 XML", SRC)
shutil.move(os.path.join(SRC, "nexis-uni.docx"), os.path.join(OUT, "nexis-uni.docx"))
# A ZIP of exports as Nexis Uni hands them out, with a Word lock file and a macOS folder to ignore.
write("src/nexis-uni-2.txt", nexis_uni([{**nexis_articles[0], "title": "AI Act: the vote in Strasbourg",
                                          "body": ["Members of the European Parliament approved the AI Act on Wednesday "
                                                   "by a large majority after three years of negotiations.",
                                                   "The law bans some uses of facial recognition in public places."]}]))
soffice(os.path.join(SRC, "nexis-uni-2.txt"), "docx:MS Word 2007 XML", SRC)
with zipfile.ZipFile(os.path.join(OUT, "nexis-uni.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(OUT, "nexis-uni.docx"), "Files (2)/Nexis_Uni_1.DOCX")
    z.write(os.path.join(SRC, "nexis-uni-2.docx"), "Files (2)/Nexis_Uni_2.DOCX")
    z.writestr("Files (2)/~$xis_Uni_1.DOCX", b"lock")
    z.writestr("__MACOSX/Files (2)/._Nexis_Uni_1.DOCX", b"mac")
os.remove(os.path.join(SRC, "nexis-uni-2.docx"))

# --- The old nexis.com TXT (BOM, CRLF) and its RTF ---------------------------------------------
def nexis_old():
    head = ["Download Request: Current Document: 1-3", "Time Of Request: Friday, February 9, 2024  10:31:00",
            "Send To:", "   DOWNLOAD", "Terms: (intelligence artificielle)", "Source: Le Monde", "Project ID:", "", ""]
    out = list(head)
    out += ["                               1 of 3 DOCUMENTS", "", "", "                                Le Monde", "",
            "                          February 6, 2024 Tuesday", "", "Edition Internationale", "",
            "Moscou et Pékin s'allient sur l'IA", "", "BYLINE: Isabelle Mandraud", "", "SECTION: INTERNATIONAL; Pg. 3", "",
            "LENGTH: 355 words", "", ""]
    for p in WIRE:
        out += [p, ""]
    out += ["LOAD-DATE: February 7, 2024", "", "LANGUAGE: FRENCH", "", "PUBLICATION-TYPE: Newspaper", "",
            "Copyright 2024 Le Monde", "All Rights Reserved", "", "", ""]
    out += ["                               2 of 3 DOCUMENTS", "", "", "                                Le Monde", "",
            "                          February 6, 2024 Tuesday", "", "Carte : les laboratoires d'IA en Europe", "",
            "SECTION: INTERNATIONAL; Pg. 4", "", "GRAPHIC: Carte", "", "LOAD-DATE: February 7, 2024", "",
            "LANGUAGE: FRENCH", "", ""]
    out += ["                               3 of 3 DOCUMENTS", "", "", "                          Süddeutsche Zeitung", "",
            "                          8. Februar 2024 Donnerstag", "", "Europa will KI-Regeln für die Welt", "",
            "AUTOR: Karoline Meta Beisel", "", "RUBRIK: Wirtschaft; S. 17", "", "LÄNGE: 289 Wörter", "", "",
            "Brüssel will, dass der AI Act weltweit zum Maßstab wird, sagte die EU-Kommissarin am Donnerstag.", "",
            "Kritiker warnen, dass junge Unternehmen in die USA abwandern könnten.", "",
            "LOAD-DATE: February 9, 2024", "", "SPRACHE: GERMAN", "", "Copyright 2024 Süddeutsche Zeitung GmbH", ""]
    return "\r\n".join(out)


write("nexis-old.txt", ("\ufeff" + nexis_old()).encode("utf-8"), "wb")
shutil.copy(os.path.join(OUT, "nexis-old.txt"), os.path.join(SRC, "nexis-old-rtf.txt"))
soffice(os.path.join(SRC, "nexis-old-rtf.txt"), "rtf:Rich Text Format", SRC)
shutil.move(os.path.join(SRC, "nexis-old-rtf.rtf"), os.path.join(OUT, "nexis-old.rtf"))
os.remove(os.path.join(SRC, "nexis-old-rtf.txt"))

# --- Office documents from one Markdown article -----------------------------------------------
md = os.path.join(SRC, "article.md")
subprocess.run(["pandoc", md, "-o", os.path.join(OUT, "article.docx")], check=True)
subprocess.run(["pandoc", md, "-o", os.path.join(OUT, "article.epub")], check=True)
soffice(os.path.join(OUT, "article.docx"), "odt")
soffice(os.path.join(OUT, "article.odt"), "rtf")

# --- Tables -----------------------------------------------------------------------------------
rows = [
    {"Titre": "Moscou et Pékin s’allient sur l’IA", "Date": "06/02/2024", "Journal": "Le Monde",
     "Auteur": "Isabelle Mandraud", "Rubrique": "International", "Texte": "\n\n".join(WIRE), "Lien": "https://www.lemonde.fr/a"},
    {"Titre": "Une « troisième voie » pour l’IA", "Date": "01/02/2024", "Journal": "Le Figaro",
     "Auteur": "Claire Dubois", "Rubrique": "Économie", "Texte": "\n\n".join(SUMMIT), "Lien": ""},
    {"Titre": "EU wants its AI rules to set the global standard", "Date": "08/02/2024", "Journal": "Reuters",
     "Auteur": "", "Rubrique": "Tech", "Texte": " ".join(BRUSSELS), "Lien": ""},
]
cols = list(rows[0].keys())
# As French Excel writes CSV: semicolons, Windows-1252, CRLF.
buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=cols, delimiter=";", lineterminator="\r\n")
w.writeheader()
w.writerows(rows)
text = buf.getvalue().replace("’", "'")  # cp1252 has ’ but keep the file plain
write("corpus-excel-fr.csv", text.encode("cp1252"), "wb")
# UTF-8 comma CSV with English headers, one ragged row.
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(["id", "headline", "body", "published", "outlet", "lang", "tags"])
w.writerow(["n1", "EU wants its AI rules to set the global standard", " ".join(BRUSSELS), "2024-02-08", "Reuters", "en", "ai;eu"])
w.writerow(["n2", "Paris and New Delhi seek a third way on AI", "Emmanuel Macron and Narendra Modi called for an open AI.", "12 February 2025", "Times of India", "English", ""])
w.writerow(["n3", "a row with too few fields"])
write("corpus.csv", buf.getvalue())
write("corpus.tsv", "title\ttext\tdate\nUn\tPremier texte, assez long pour être un article.\t2024-01-01\nDeux\tSecond texte, lui aussi un article.\t2024-01-02\n")
with open(os.path.join(OUT, "corpus.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(rows):
        f.write(json.dumps({"title": r["Titre"], "text": r["Texte"], "date": r["Date"], "source": r["Journal"],
                            "keywords": ["ia", "géopolitique"], "score": i}, ensure_ascii=False) + "\n")
    f.write("{not json\n")
with open(os.path.join(OUT, "corpus.json"), "w", encoding="utf-8") as f:
    json.dump({"articles": [{"titre": r["Titre"], "contenu": r["Texte"], "journal": r["Journal"]} for r in rows]}, f,
              ensure_ascii=False, indent=1)
import openpyxl, datetime
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Notes"
ws.append(["Not the corpus"])
ws2 = wb.create_sheet("Articles")
ws2.append(["Titre", "Date de publication", "Journal", "Texte", "Pays"])
for r, day in zip(rows, [6, 1, 8]):
    ws2.append([r["Titre"], datetime.date(2024, 2, day), r["Journal"], r["Texte"], "FR"])
wb.save(os.path.join(OUT, "corpus.xlsx"))
shutil.copy(os.path.join(OUT, "corpus.xlsx"), os.path.join(SRC, "corpus-ods.xlsx"))
soffice(os.path.join(SRC, "corpus-ods.xlsx"), "ods", SRC)
shutil.move(os.path.join(SRC, "corpus-ods.ods"), os.path.join(OUT, "corpus.ods"))
os.remove(os.path.join(SRC, "corpus-ods.xlsx"))

# --- PDF: two columns, running header and footer, hyphenation ---------------------------------
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.pdfbase.pdfmetrics import stringWidth

SENTENCES = [
    "Les gouvernements européens parlent de souveraineté numérique à chaque sommet.",
    "Jean-Pierre Martin, qui dirige un laboratoire à Grenoble, réclame des moyens de calcul partagés.",
    "Le partenariat franco-allemand sur l’intelligence artificielle avance plus lentement que prévu.",
    "À Bruxelles, la Commission veut que ses règles deviennent une référence mondiale.",
    "Les chercheurs craignent que les jeunes entreprises ne partent aux États-Unis.",
    "Pékin et Moscou, de leur côté, annoncent des programmes communs de recherche.",
    "La question des données de santé divise encore les vingt-sept États membres.",
    "Un rapport remis au Parlement recommande une politique commune des données.",
    "Les universités demandent que les financements soient accordés sur plusieurs années.",
    "Plusieurs gouvernements ont promis de nouveaux supercalculateurs d’ici à 2027.",
    "Les syndicats s’inquiètent des effets de l’automatisation sur l’emploi.",
    "Le débat sur la reconnaissance faciale reste le plus vif au Parlement européen.",
]


def wrap(words, width, font, size):
    """Greedy lines. A long word at the end of a line is hyphenated as a typesetter would,
    and a compound breaks after its own hyphen."""
    lines, cur = [], ""
    for w in words:
        trial = (cur + " " + w).strip()
        if stringWidth(trial, font, size) <= width:
            cur = trial
            continue
        head = None
        if "-" in w[:-1]:
            head, tail = w[: w.index("-") + 1], w[w.index("-") + 1:]
        elif w.strip(".,").lower() in ("intelligence", "gouvernements", "souveraineté", "supercalculateurs", "chercheurs"):
            for cut in range(len(w) - 3, 2, -1):
                if stringWidth((cur + " " + w[:cut] + "-").strip(), font, size) <= width:
                    head, tail = w[:cut] + "-", w[cut:]
                    break
        if head and stringWidth((cur + " " + head).strip(), font, size) <= width:
            lines.append((cur + " " + head).strip())
            cur = tail
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def two_column_pdf(path, pages=3, title="Les laboratoires européens et l’intelligence artificielle"):
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("Jean-Pierre Martin")
    c.setCreator("reportlab")
    W, H = A4
    margin, gutter = 56, 24
    colw = (W - 2 * margin - gutter) / 2
    body = []
    paragraph_texts = [title]
    for i in range(pages * 4):
        sentences = [SENTENCES[(i * 5 + k) % len(SENTENCES)] for k in range(5)]
        words = " ".join(sentences).split()
        paragraph_texts.append(" ".join(words))
        body.append(wrap(words, colw, "Helvetica", 10))
    para = 0
    for page in range(pages):
        c.setFont("Helvetica", 8)
        c.drawString(margin, H - 30, "Revue européenne du numérique — mars 2024")
        c.drawCentredString(W / 2, 24, "- %d -" % (page + 1))
        top = H - 70
        if page == 0:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(margin, top, title)
            top -= 36
        for col in range(2):
            x = margin + col * (colw + gutter)
            y = top
            c.setFont("Helvetica", 10)
            for _ in range(2):
                if para >= len(body):
                    break
                for k, line in enumerate(body[para]):
                    c.drawString(x + (12 if k == 0 else 0), y, line)
                    y -= 12.5
                y -= 6
                para += 1
        c.showPage()
    c.save()
    return paragraph_texts


texts = two_column_pdf(os.path.join(OUT, "two-columns.pdf"))
with open(os.path.join(OUT, "two-columns.expected.txt"), "w", encoding="utf-8") as f:
    f.write("\n\n".join(texts) + "\n")
# The benchmark's 50-page PDF (benches/data).
os.makedirs("benches/data", exist_ok=True)
two_column_pdf("benches/data/fifty-pages.pdf", pages=50)
# A scan: an image and no text.
c = canvas.Canvas(os.path.join(OUT, "scan.pdf"), pagesize=A4, invariant=1)
c.setFillGray(0.6)
for i in range(40):
    c.rect(60, 780 - i * 18, 400 + (i % 3) * 30, 9, stroke=0, fill=1)
c.save()
# Encrypted with a user password.
subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", os.path.join(OUT, "two-columns.pdf"),
                os.path.join(OUT, "encrypted.pdf")], check=True)
# Protected against printing only (an empty user password): readable.
subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--", os.path.join(OUT, "two-columns.pdf"),
                os.path.join(OUT, "print-protected.pdf")], check=True)
# The Markdown article through LibreOffice: a one-column PDF with its title in the metadata.
soffice(os.path.join(OUT, "article.odt"), "pdf")

# --- Hostile files ----------------------------------------------------------------------------
with zipfile.ZipFile(os.path.join(OUT, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("readme.txt", "A small archive.\n")
    with z.open("huge.txt", "w") as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(80):
            f.write(chunk)
with zipfile.ZipFile(os.path.join(OUT, "traversal.zip"), "w") as z:
    z.writestr("../outside.txt", "Should never be read: the name points outside the archive.\n")
    z.writestr("inside.txt", "Brussels and Paris agree on a common approach to artificial intelligence.\n")
with zipfile.ZipFile(os.path.join(OUT, "article.docx")) as zin, \
        zipfile.ZipFile(os.path.join(OUT, "cut.docx"), "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            data = data[: len(data) * 2 // 3]
        zout.writestr(item, data)
write("unknown-codepage.rtf", r"{\rtf1\ansi\ansicpg77777 Le pr\'e9sident\par}")
print("fixtures written to", OUT)
