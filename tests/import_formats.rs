//! Corpora as researchers have them: press-database exports split into articles with their
//! details, office documents, PDF, tables, archives; duplicates; hostile files. The real
//! exports in `../shared/data/news-exports` (GPL, not copied here) are read when that folder
//! is beside the repository; every other layout has a fixture of our own in
//! `tests/fixtures/import`, written by real tools (`scripts/make-import-fixtures.py`).

use glose::import::{self, ReadOptions, Record, SourceFile, SourceFormat, TableOptions};
use glose::model::Project;
use std::path::{Path, PathBuf};

const FIX: &str = "tests/fixtures/import";
const SHARED: &str = "../shared/data/news-exports";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIX).join(name)
}

/// Reads one file and expects it to be read whole (no error, nothing skipped).
fn read_clean(path: &Path) -> (SourceFormat, Vec<Record>) {
    let files = import::read_path(path, &ReadOptions::default());
    assert_eq!(files.len(), 1, "{path:?}: {files:?}");
    let f = files.into_iter().next().unwrap();
    assert!(f.is_clean(), "{}: error {:?}, skipped {:?}", f.name, f.error, f.skipped);
    (f.format.unwrap(), f.records)
}

fn read_one(path: &Path) -> SourceFile {
    let mut files = import::read_path(path, &ReadOptions::default());
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

fn shared(name: &str) -> Option<PathBuf> {
    let p = Path::new(SHARED).join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not beside the repository (the team's shared data)", p.display());
        None
    }
}

fn detail<'a>(r: &'a Record, key: &str) -> &'a str {
    r.meta.details.get(key).map(String::as_str).unwrap_or_default()
}

/// No certificate, copyright block, field codes or search-hit markup in any text.
fn assert_no_boilerplate(records: &[Record]) {
    for r in records {
        for junk in [
            "certificat",
            "Tous droits réservés",
            "Numéro de document",
            "<mark>",
            "</",
            "End of Document",
            "Load-Date",
            "Copyright",
            "Document TESTFR",
            "\tHD",
            "LP\t",
        ] {
            assert!(!r.text.contains(junk), "{junk:?} in the text of {}:\n{}", r.at, r.text);
        }
    }
}

// --- The real exports (../shared) -------------------------------------------------------------

#[test]
fn europresse_export_splits_into_its_four_articles() {
    let Some(path) = shared("europresse_test2.html") else { return };
    let (format, recs) = read_clean(&path);
    assert_eq!(format, SourceFormat::Europresse);
    assert_eq!(recs.len(), 4);
    let titles: Vec<&str> = recs.iter().map(|r| r.meta.title.as_str()).collect();
    assert_eq!(titles, ["Title", "Title", "A heading", "Title"]);
    assert!(recs.iter().all(|r| r.meta.source == "Newspaper"), "journal without trailing spaces");
    let dates: Vec<&str> = recs.iter().map(|r| r.meta.published.as_str()).collect();
    assert_eq!(dates, ["2006-03-14", "2006-03-14", "2006-03-13", "2006-03-13"]);
    let numbers: Vec<&str> = recs.iter().map(|r| detail(r, "document number")).collect();
    assert_eq!(
        numbers,
        [
            "news·20060315·LM·0q1503_1256056",
            "news·20060314·LM·0q1403_1255263",
            "news·20060314·LM·0mde1106_1251466",
            "news·20060314·LM·0q1403_1239851"
        ]
    );
    assert_eq!(detail(&recs[0], "section"), "Communication");
    assert_eq!(detail(&recs[0], "page"), "16");
    assert_eq!(detail(&recs[2], "page"), "MDE6");
    assert_eq!(recs[1].meta.author, "Ariane Chemin");
    assert_eq!(recs[0].text, "Some text: a mark.\n", "the search hit keeps its text, not its markup");
    assert_eq!(recs[2].text, "A paragraph.\n");
    assert_eq!(recs[3].text, "Text.\n\nText.\n");
    assert_no_boilerplate(&recs);
    // The first two share journal, date and headline but not their text: both are imported.
    let mut p = Project::new("t");
    let plan = import::plan_import(&mut p, &[path]);
    assert_eq!((plan.added(), plan.duplicates()), (4, 0));
}

#[test]
fn factiva_export_splits_into_its_two_articles() {
    let Some(path) = shared("factiva_test.html") else { return };
    let (format, recs) = read_clean(&path);
    assert_eq!(format, SourceFormat::FactivaHtml);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].meta.title, "Test 1");
    assert_eq!(recs[1].meta.title, "Test 2");
    assert_eq!(recs[0].meta.source, "Test newspaper");
    assert_eq!(recs[1].meta.source, "Ouest France");
    assert_eq!(recs[0].meta.published, "2011-12-29");
    assert_eq!(recs[0].meta.language, "fr", "LA Français");
    assert_eq!(detail(&recs[0], "accession number"), "TESTFR0020111229e7ct0001r");
    assert_eq!(detail(&recs[1], "accession number"), "TESTFR0020111229e7ct0015j");
    assert_eq!(detail(&recs[0], "word count"), "295");
    assert_eq!(detail(&recs[0], "page"), "26");
    assert!(detail(&recs[0], "subjects").contains("gpol : Domestic Politics"));
    assert!(detail(&recs[0], "regions").starts_with("fra : France"));
    assert_eq!(
        recs[0].text,
        "First head paragraph, with a few non-ASCII characters: à la française.\n\nSecond head paragraph.\n\nThird paragraph.\n\nFourth and last paragraph.\n",
        "LP then TD, paragraph by paragraph"
    );
    assert_no_boilerplate(&recs);
}

#[test]
fn nexis_uni_docx_splits_into_its_ten_articles() {
    let Some(path) = shared("sample.DOCX") else { return };
    let (format, recs) = read_clean(&path);
    assert_eq!(format, SourceFormat::NexisDocx);
    assert_eq!(recs.len(), 10);
    assert!(recs.iter().all(|r| r.meta.source == "The Guardian(London)"));
    assert_eq!(recs[0].meta.title, "Lorem ipsum dolor sit amet");
    assert_eq!(recs[0].meta.published, "2019-07-01");
    assert_eq!(recs[0].meta.author, "Mattha Busby (now), Andrew Sparrow (earlier)");
    assert_eq!(detail(&recs[0], "section"), "POLITICS");
    assert_eq!(detail(&recs[0], "word count"), "355");
    assert_eq!(recs[6].meta.title, "Sample Headline");
    assert_eq!(recs[6].meta.language, "en");
    assert_eq!(detail(&recs[6], "journal code"), "WEBGNS");
    assert!(detail(&recs[6], "person").contains("NIGEL FARAGE"));
    assert_eq!(recs[8].meta.title, "R (programming language) on Wikipedia");
    assert_eq!(recs[8].meta.published, "2019-07-03");
    assert_eq!(detail(&recs[8], "load date"), "2019-07-03");
    assert_eq!(recs[9].meta.title, "What is Wikipedia");
    assert!(recs[9].text.starts_with("Wikipedia is a multilingual online encyclopedia"));
    assert!(!recs.iter().any(|r| r.text.contains("Job Number") || r.text.contains("Classification")));
    assert_no_boilerplate(&recs);
}

// --- Our own fixtures of every other layout ---------------------------------------------------

#[test]
fn europresse_current_layout_with_url_subtitle_and_a_duplicate() {
    let (format, recs) = read_clean(&fixture("europresse.html"));
    assert_eq!(format, SourceFormat::Europresse);
    assert_eq!(recs.len(), 3);
    let r = &recs[0];
    assert_eq!(r.meta.source, "Le Monde", "', no. 24567' is cut");
    assert_eq!(r.meta.title, "Moscou et Pékin s’allient sur l’IA");
    assert_eq!(r.meta.published, "2024-02-06");
    assert_eq!(r.meta.author, "Isabelle Mandraud");
    assert_eq!(r.meta.url, "https://www.lemonde.fr/international/article/2024/02/06/moscou-pekin-ia.html");
    assert_eq!(detail(r, "rubric"), "INTERNATIONAL");
    assert_eq!(detail(r, "document number"), "news·20240206·LM·3412345");
    assert!(r.text.starts_with("Les deux capitales veulent des normes communes\n\nMoscou et Pékin ont annoncé mardi"));
    assert_eq!(recs[1].meta.published, "2024-02-01", "1er février");
    assert_no_boilerplate(&recs);
    let mut p = Project::new("t");
    let plan = import::plan_import(&mut p, &[fixture("europresse.html")]);
    assert_eq!((plan.added(), plan.duplicates()), (2, 1), "the same article exported twice is added once");
}

#[test]
fn europresse_older_table_layout() {
    let (format, recs) = read_clean(&fixture("europresse-old.htm"));
    assert_eq!(format, SourceFormat::Europresse);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].meta.source, "Libération", "UTF-8 bytes under an ISO-8859-1 meta, and the suffix cut");
    assert_eq!(recs[0].meta.title, "Le numérique au Parlement");
    assert_eq!(recs[0].meta.published, "2013-10-05");
    assert_eq!(detail(&recs[0], "section"), "Politique");
    assert_eq!(detail(&recs[0], "document number"), "news·20131005·LI·123456");
    assert_eq!(
        recs[0].text,
        "Les députés ont débattu mercredi d’un texte sur la souveraineté numérique.\n\nLe gouvernement veut des « champions européens » de l’intelligence artificielle.\n"
    );
    assert_eq!(recs[1].meta.source, "L'Humanité");
    assert_eq!(recs[1].meta.published, "2013-10-06");
    assert_no_boilerplate(&recs);
}

#[test]
fn factiva_xml_txt_and_rtf() {
    let (format, xml) = read_clean(&fixture("factiva.xml"));
    assert_eq!(format, SourceFormat::FactivaXml);
    assert_eq!(xml.len(), 2);
    assert_eq!(xml[0].meta.title, "Moscou et Pékin s’allient sur l’intelligence artificielle");
    assert_eq!(xml[0].meta.source, "Agence France Presse");
    assert_eq!(xml[0].meta.published, "2024-02-07");
    assert_eq!(detail(&xml[0], "accession number"), "AFPFR00020240207ek270001a");
    assert!(xml[0].text.contains("recherche en intelligence artificielle, au terme"), "<hlt> keeps its text");
    assert_eq!(xml[1].meta.published, "2024-02-08");
    assert_eq!(xml[1].meta.language, "en");
    for name in ["factiva.txt", "factiva.rtf"] {
        let (format, recs) = read_clean(&fixture(name));
        assert_eq!(format, SourceFormat::FactivaText, "{name}");
        assert_eq!(recs.len(), 2, "{name}");
        let r = &recs[0];
        assert_eq!(r.meta.title, "Une « troisième voie » pour l’intelligence artificielle", "{name}");
        assert_eq!(r.meta.source, "Le Figaro");
        assert_eq!(r.meta.author, "Claire Dubois");
        assert_eq!(r.meta.published, "2024-02-01");
        assert_eq!(r.meta.language, "fr");
        assert_eq!(detail(r, "word count"), "1234");
        assert_eq!(detail(r, "accession number"), "FIGARO0020240201ek210000z");
        assert!(r.text.starts_with("Au lendemain du sommet de Paris"), "{name}: {}", r.text);
        assert!(r.text.contains("\n\nLes deux dirigeants"), "{name}: LP and TD apart: {}", r.text);
        assert_eq!(recs[1].meta.published, "2024-02-08");
        assert_eq!(detail(&recs[1], "accession number"), "LBA0000020240208ek280003c");
        assert_no_boilerplate(&recs);
    }
}

#[test]
fn nexis_uni_docx_and_a_zip_of_them() {
    let (format, recs) = read_clean(&fixture("nexis-uni.docx"));
    assert_eq!(format, SourceFormat::NexisDocx);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].meta.title, "EU wants its AI rules to set the global standard");
    assert_eq!(recs[0].meta.source, "The Guardian (London)");
    assert_eq!(recs[0].meta.published, "2024-02-08");
    assert_eq!(recs[0].meta.author, "Jennifer Rankin in Brussels");
    assert_eq!(detail(&recs[0], "section"), "TECHNOLOGY");
    assert_eq!(detail(&recs[0], "load date"), "2024-02-09");
    assert_eq!(recs[1].meta.published, "2025-02-12");
    assert_no_boilerplate(&recs);
    let files = import::read_path(&fixture("nexis-uni.zip"), &ReadOptions::default());
    let names: Vec<&str> = files.iter().map(|f| f.name.rsplit(" › ").next().unwrap()).collect();
    assert_eq!(names, ["Files (2)/Nexis_Uni_1.DOCX", "Files (2)/Nexis_Uni_2.DOCX"], "lock and macOS files ignored");
    assert!(files.iter().all(SourceFile::is_clean));
    assert_eq!(files.iter().map(|f| f.records.len()).sum::<usize>(), 3);
}

#[test]
fn old_nexis_txt_and_rtf_report_the_graphic() {
    for name in ["nexis-old.txt", "nexis-old.rtf"] {
        let f = read_one(&fixture(name));
        assert_eq!(f.format, Some(SourceFormat::NexisText), "{name}");
        assert_eq!(f.records.len(), 2, "{name}");
        assert_eq!(f.skipped.len(), 1, "{name}: the graphic is reported, not invented");
        assert_eq!(f.skipped[0].at, "document 2");
        let r = &f.records[0];
        assert_eq!(r.meta.source, "Le Monde");
        assert_eq!(r.meta.published, "2024-02-06");
        assert_eq!(r.meta.title, "Moscou et Pékin s'allient sur l'IA");
        assert_eq!(r.meta.author, "Isabelle Mandraud");
        assert_eq!(detail(r, "edition"), "Edition Internationale");
        assert_eq!(detail(r, "word count"), "355");
        assert_eq!(r.meta.language, "fr");
        assert!(r.text.starts_with("Moscou et Pékin ont annoncé mardi"), "{name}: {}", r.text);
        let de = &f.records[1];
        assert_eq!(de.meta.source, "Süddeutsche Zeitung");
        assert_eq!(de.meta.published, "2024-02-08", "8. Februar 2024");
        assert_eq!(de.meta.author, "Karoline Meta Beisel");
        assert_eq!(de.meta.language, "de");
        assert_no_boilerplate(&f.records);
    }
}

const ARTICLE_TEXT: &str = "Au lendemain du sommet de Paris, Emmanuel Macron et Narendra Modi ont plaidé";

#[test]
fn office_documents_give_the_same_article() {
    let mut texts = Vec::new();
    for (name, format) in [
        ("article.docx", SourceFormat::Docx),
        ("article.odt", SourceFormat::Odt),
        ("article.rtf", SourceFormat::Rtf),
        ("article.epub", SourceFormat::Epub),
    ] {
        let (f, recs) = read_clean(&fixture(name));
        assert_eq!(f, format, "{name}");
        assert_eq!(recs.len(), 1);
        let r = &recs[0];
        assert_eq!(r.meta.title, "Paris et New Delhi veulent une « troisième voie » pour l’IA", "{name}");
        assert_eq!(r.meta.language, "fr", "{name}");
        assert!(r.text.contains(ARTICLE_TEXT), "{name}: {}", r.text);
        assert!(r.text.contains("souveraineté numérique : « Aucun pays"), "{name}: NBSP/typography kept: {}", r.text);
        assert!(r.text.contains("\n\nUne déclaration commune\n\n"), "{name}: paragraphs stay paragraphs");
        texts.push(r.text.clone());
    }
    assert!(texts.windows(2).all(|w| w[0] == w[1]), "every format gives the same text: {texts:#?}");
    let (_, docx) = read_clean(&fixture("article.docx"));
    assert_eq!(docx[0].meta.author, "Claire Dubois");
    assert_eq!(docx[0].meta.published, "2025-02-12", "the document's Date paragraph");
}

#[test]
fn pdf_columns_headers_page_numbers_and_hyphenation() {
    let (format, recs) = read_clean(&fixture("two-columns.pdf"));
    assert_eq!(format, SourceFormat::Pdf);
    let expected = std::fs::read_to_string(fixture("two-columns.expected.txt")).unwrap();
    assert_eq!(recs[0].text, expected, "columns in order, no running header or page numbers, hyphenation undone");
    assert!(recs[0].text.contains("souveraineté") && recs[0].text.contains("Jean-Pierre"));
    assert!(recs[0].text.contains("franco-allemand"), "a real hyphen at a line end is kept");
    assert!(!recs[0].text.contains("Revue européenne du numérique") && !recs[0].text.contains("- 2 -"));
    assert_eq!(recs[0].meta.title, "Les laboratoires européens et l’intelligence artificielle");
    assert_eq!(recs[0].meta.author, "Jean-Pierre Martin");
    // LibreOffice's PDF of the Markdown article: one column, its title in the metadata.
    let (_, recs) = read_clean(&fixture("article.pdf"));
    assert!(recs[0].text.contains(ARTICLE_TEXT), "{}", recs[0].text);
    assert_eq!(recs[0].meta.title, "Paris et New Delhi veulent une « troisième voie » pour l’IA");
}

#[test]
fn pdfs_without_text_or_with_a_password_say_so() {
    let scan = read_one(&fixture("scan.pdf"));
    let e = scan.error.unwrap();
    assert!(e.contains("no text layer") && e.contains("OCR"), "{e}");
    let locked = read_one(&fixture("encrypted.pdf"));
    let e = locked.error.unwrap();
    assert!(e.contains("encrypted") && e.contains("password"), "{e}");
    // Protected against printing only (an empty user password): read like any other.
    let (_, recs) = read_clean(&fixture("print-protected.pdf"));
    let expected = std::fs::read_to_string(fixture("two-columns.expected.txt")).unwrap();
    assert_eq!(recs[0].text, expected);
}

#[test]
fn tables_map_their_columns_in_english_and_french() {
    // As French Excel writes CSV: `;`, Windows-1252.
    let f = read_one(&fixture("corpus-excel-fr.csv"));
    assert!(f.is_clean(), "{f:?}");
    assert_eq!(f.encoding, Some("windows-1252"));
    assert_eq!(f.table.as_ref().unwrap().delimiter, Some(b';'));
    assert_eq!(f.records.len(), 3);
    let r = &f.records[0];
    assert_eq!(r.meta.title, "Moscou et Pékin s'allient sur l'IA");
    assert_eq!(r.meta.published, "2024-02-06", "06/02/2024, day first");
    assert_eq!(r.meta.source, "Le Monde");
    assert_eq!(r.meta.author, "Isabelle Mandraud");
    assert_eq!(r.meta.url, "https://www.lemonde.fr/a");
    assert_eq!(detail(r, "Rubrique"), "International", "other columns become details");
    assert!(r.text.contains("\n\nLe texte prévoit"), "line breaks inside a cell are kept");
    // UTF-8 CSV with English names and a ragged row.
    let f = read_one(&fixture("corpus.csv"));
    assert_eq!(f.records.len(), 2);
    assert_eq!(f.skipped.len(), 1);
    assert_eq!(f.skipped[0].at, "line 4");
    assert!(f.skipped[0].message.contains("2 field(s) where the header has 7"));
    assert_eq!(f.records[0].meta.title, "EU wants its AI rules to set the global standard");
    assert_eq!(detail(&f.records[0], "id"), "n1");
    assert_eq!(detail(&f.records[0], "tags"), "ai;eu");
    assert_eq!(f.records[1].meta.published, "2025-02-12");
    assert_eq!(f.records[1].meta.language, "en", "English → en");
    // JSON Lines with a broken line, a JSON object holding the array, a workbook's second sheet.
    let f = read_one(&fixture("corpus.jsonl"));
    assert_eq!((f.records.len(), f.skipped.len()), (3, 1));
    assert_eq!(f.skipped[0].at, "line 4");
    assert_eq!(detail(&f.records[0], "keywords"), "ia; géopolitique");
    let (_, recs) = read_clean(&fixture("corpus.json"));
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1].meta.source, "Le Figaro", "journal");
    assert!(recs[1].text.starts_with("Au lendemain"), "contenu");
    for name in ["corpus.xlsx", "corpus.ods"] {
        let f = read_one(&fixture(name));
        assert!(f.is_clean(), "{name}: {f:?}");
        assert_eq!(f.table.as_ref().unwrap().sheet.as_deref(), Some("Articles"), "the first sheet with rows");
        assert_eq!(f.records.len(), 3);
        assert_eq!(f.records[0].meta.published, "2024-02-06", "{name}: a date cell");
        assert_eq!(detail(&f.records[0], "Pays"), "FR");
    }
}

#[test]
fn an_explicit_mapping_delimiter_encoding_and_sheet() {
    let options = ReadOptions {
        table: TableOptions {
            map: import::ColumnMap::parse("text=Titre,title=Journal").unwrap(),
            delimiter: Some(b';'),
            encoding: encoding_rs::Encoding::for_label(b"windows-1252"),
            sheet: None,
        },
        ..Default::default()
    };
    let f = import::read_path(&fixture("corpus-excel-fr.csv"), &options).remove(0);
    assert_eq!(f.records[0].text, "Moscou et Pékin s'allient sur l'IA\n");
    assert_eq!(f.records[0].meta.title, "Le Monde");
    assert!(detail(&f.records[0], "Texte").len() > 100, "the unmapped text column is a detail");
    let bad = ReadOptions {
        table: TableOptions { map: import::ColumnMap::parse("text=Corps").unwrap(), ..Default::default() },
        ..Default::default()
    };
    let f = import::read_path(&fixture("corpus-excel-fr.csv"), &bad).remove(0);
    let e = f.error.unwrap();
    assert!(e.contains("no column \"Corps\"") && e.contains("\"Texte\""), "{e}");
    let sheet =
        ReadOptions { table: TableOptions { sheet: Some("Notes".into()), ..Default::default() }, ..Default::default() };
    let f = import::read_path(&fixture("corpus.xlsx"), &sheet).remove(0);
    assert!(f.error.unwrap().contains("no rows"));
}

#[test]
fn near_duplicates_across_databases_are_marked() {
    // The same agency dispatch in Le Monde (Europresse) and at AFP (Factiva), a word or two apart.
    let mut p = Project::new("t");
    let plan = import::plan_import(&mut p, &[fixture("europresse.html"), fixture("factiva.xml")]);
    let near: Vec<_> = plan.files.iter().flat_map(|f| f.near.iter().copied()).collect();
    assert_eq!(near.len(), 1, "{plan:?}");
    plan.command.unwrap().apply(&mut p).unwrap();
    let (copy, of, sim) = near[0];
    assert!(sim >= 0.8);
    assert_eq!(p.article(copy).unwrap().source, "Agence France Presse");
    assert_eq!(p.article(of).unwrap().source, "Le Monde");
    assert_eq!(p.article(copy).unwrap().near_duplicate_of, Some(of));
}

// --- Hostile files ----------------------------------------------------------------------------

#[test]
fn hostile_archives_and_documents_get_clear_messages() {
    let bomb = import::read_path(&fixture("bomb.zip"), &ReadOptions::default());
    let problems: Vec<String> = bomb.iter().flat_map(|f| f.skipped.iter().map(ToString::to_string)).collect();
    assert!(problems.iter().any(|p| p.contains("huge.txt") && p.contains("ZIP bomb")), "{problems:?}");
    let traversal = import::read_path(&fixture("traversal.zip"), &ReadOptions::default());
    let problems: Vec<String> = traversal.iter().flat_map(|f| f.skipped.iter().map(ToString::to_string)).collect();
    assert!(problems.iter().any(|p| p.contains("../outside.txt") && p.contains("outside the archive")), "{problems:?}");
    assert!(traversal.iter().flat_map(|f| &f.records).all(|r| !r.text.contains("Should never be read")));
    assert_eq!(traversal.iter().map(|f| f.records.len()).sum::<usize>(), 1, "the safe member is read");
    let cut = read_one(&fixture("cut.docx")).error.unwrap();
    assert!(cut.contains("word/document.xml") && cut.contains("byte "), "{cut}");
    let rtf = read_one(&fixture("unknown-codepage.rtf")).error.unwrap();
    assert!(rtf.contains("code page 77777") && rtf.contains("byte "), "{rtf}");
}

#[test]
fn a_cell_larger_than_an_article_is_skipped_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut csv = String::from("title,text\nsmall,A short article about artificial intelligence.\nbig,\"");
    csv.push_str(&"x".repeat((import::MAX_ARTICLE_BYTES + 10) as usize));
    csv.push_str("\"\n");
    std::fs::write(&path, csv).unwrap();
    let f = read_one(&path);
    assert_eq!(f.records.len(), 1);
    assert_eq!(f.skipped.len(), 1);
    assert_eq!(f.skipped[0].at, "line 3");
    assert!(f.skipped[0].message.contains("larger than"), "{}", f.skipped[0].message);
}

#[test]
fn files_are_recognised_by_content_not_only_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (src, renamed, format) in [
        ("europresse.html", "export.txt", SourceFormat::Europresse),
        ("factiva.txt", "factiva.dat", SourceFormat::FactivaText),
        ("nexis-uni.docx", "download.zip", SourceFormat::NexisDocx),
        ("corpus.xlsx", "corpus.bin", SourceFormat::Xlsx),
        ("two-columns.pdf", "paper", SourceFormat::Pdf),
    ] {
        let to = dir.path().join(renamed);
        std::fs::copy(fixture(src), &to).unwrap();
        let f = import::read_path(&to, &ReadOptions::default()).remove(0);
        assert_eq!(f.format, Some(format), "{src} as {renamed}: {f:?}");
        assert!(!f.records.is_empty(), "{src} as {renamed}");
    }
}
