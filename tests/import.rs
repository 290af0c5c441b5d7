//! Importing articles: the real seed corpus, a saved web page with noise around the article,
//! legacy encodings, BOMs, CRLF and Markdown front matter.

use glose::import::{self, read_article};
use glose::model::Project;
use std::fs;
use std::path::{Path, PathBuf};

const SEED: &str = "projects/articles/seed-fr-ia-geopolitique.txt";

/// The seed article ships with the repository (projects/articles/).
fn seed_path() -> PathBuf {
    PathBuf::from(SEED)
}

#[test]
fn the_seed_corpus_keeps_its_exact_text_and_gets_its_details() {
    let path = seed_path();
    let bytes = fs::read(&path).unwrap();
    let art = read_article(&path).unwrap();
    // The scraped " date 2023-11 Share on Telegram" line is the page's, not the article's.
    let scraped = " date 2023-11 Share on Telegram\n\n";
    assert!(bytes.starts_with(scraped.as_bytes()));
    assert_eq!(art.text.as_bytes(), &bytes[scraped.len()..], "the rest is the file, byte for byte");
    assert!(art.text.starts_with("Le président russe Vladimir Poutine"));
    assert_eq!(art.meta.language, "fr");
    assert_eq!(art.meta.published, "2023-11", "the scraped line's date is kept");
    assert_eq!(
        art.meta.title, "Le président russe Vladimir Poutine a vivement critiqué la suprématie occidentale, plus…",
        "no title line: the first sentence, cut at a word"
    );
    assert!(art.text.contains("l’intelligence artificielle"));
}

#[test]
fn a_saved_page_gives_the_article_without_banners_and_its_metadata() {
    let art = read_article(Path::new("tests/fixtures/saved-page-fr.html")).unwrap();
    let m = &art.meta;
    assert_eq!(m.title, "Intelligence artificielle : Paris et New Delhi veulent une « troisième voie »");
    assert_eq!(m.source, "Le Quotidien du Numérique");
    assert_eq!(m.author, "Claire Dubois");
    assert_eq!(m.published, "2025-02-12");
    assert_eq!(m.language, "fr");
    assert_eq!(
        m.url,
        "https://www.quotidien-numerique.example/international/2025/02/12/ia-paris-new-delhi-troisieme-voie"
    );
    let t = &art.text;
    assert!(t.contains("Au lendemain du sommet de Paris, Emmanuel Macron et Narendra Modi"), "{t}");
    assert!(t.contains("sans préciser si la Russie comptait s’y associer."), "{t}");
    for noise in ["cookies", "Tout accepter", "Accueil", "S’abonner", "Mentions légales", "start-up", "tracking"] {
        assert!(!t.contains(noise), "{noise:?} leaked into the text:\n{t}");
    }
    // Paragraphs stay apart.
    assert!(t.contains("formation d’ingénieurs.\n\nSelon l’Élysée"), "{t}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn legacy_encodings_and_boms_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let french = "Le président a déclaré que l’Europe «\u{a0}ne fait que commencer\u{a0}». Ça évolue très vite, dit-il; les données sont là.";
    // Windows-1252 without any declaration: chardetng must guess it.
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(french);
    assert!(!lossy);
    let art = read_article(&write(dir.path(), "cp1252.txt", &cp1252)).unwrap();
    assert_eq!(art.text, french);
    assert_eq!(art.encoding, "windows-1252");
    // UTF-8 with a BOM: the BOM goes, nothing else.
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice("Путин 🤝 习近平\r\nвторая строка\r\n".as_bytes());
    let art = read_article(&write(dir.path(), "bom.txt", &bom)).unwrap();
    assert_eq!(art.text, "Путин 🤝 习近平\r\nвторая строка\r\n", "CRLF is kept as it is");
    // UTF-16LE with a BOM.
    let mut u16 = vec![0xff, 0xfe];
    for unit in "中法联合声明 𠮷\r\n".encode_utf16() {
        u16.extend_from_slice(&unit.to_le_bytes());
    }
    let art = read_article(&write(dir.path(), "utf16.txt", &u16)).unwrap();
    assert_eq!(art.text, "中法联合声明 𠮷\r\n");
    // KOI8-R declared by the page itself.
    let (koi, _, _) = encoding_rs::KOI8_R.encode("<html><head><meta charset=\"koi8-r\"><title>Новости</title></head><body><article><p>Россия и Китай договорились углублять сотрудничество в сфере искусственного интеллекта.</p></article></body></html>");
    let art = read_article(&write(dir.path(), "koi8.html", &koi)).unwrap();
    assert!(art.text.contains("Россия и Китай"), "{}", art.text);
    assert_eq!(art.meta.language, "ru");
}

#[test]
fn text_headers_and_markdown_front_matter_give_details() {
    let dir = tempfile::tempdir().unwrap();
    let txt = "Title: Putin on AI\nSource: Example Wire\nDate: 2023-11-24\nURL: https://wire.example/putin-ai\n\nRussian President Vladimir Putin said Western models were biased.\n";
    let art = read_article(&write(dir.path(), "wire.txt", txt.as_bytes())).unwrap();
    assert_eq!(art.meta.title, "Putin on AI");
    assert_eq!(art.meta.source, "Example Wire");
    assert_eq!(art.meta.published, "2023-11-24");
    assert_eq!(art.meta.url, "https://wire.example/putin-ai");
    assert_eq!(art.text, "Russian President Vladimir Putin said Western models were biased.\n");

    let md = "---\ntitle: \"中法联合声明\"\ndate: 2024-05-07\nsource: Example\n---\n# Heading ignored as title\n\nFirst *paragraph* with a [link](https://x.example).\n\n- one\n- two\n";
    let art = read_article(&write(dir.path(), "zh.md", md.as_bytes())).unwrap();
    assert_eq!(art.meta.title, "中法联合声明");
    assert_eq!(art.meta.published, "2024-05-07");
    assert_eq!(art.text, "Heading ignored as title\n\nFirst paragraph with a link.\n\n• one\n• two\n");

    let md = "# Россия и Китай\n\nМосква и Пекин выступили против технологических монополий.\n";
    let art = read_article(&write(dir.path(), "ru.md", md.as_bytes())).unwrap();
    assert_eq!(art.meta.title, "Россия и Китай");
    assert_eq!(art.meta.language, "ru");
}

#[test]
fn a_title_line_above_the_body_is_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let txt = "China and France issue a joint declaration on AI\n\nBeijing and Paris said they would cooperate on the governance of artificial intelligence.\n";
    let art = read_article(&write(dir.path(), "a.txt", txt.as_bytes())).unwrap();
    assert_eq!(art.meta.title, "China and France issue a joint declaration on AI");
    assert_eq!(art.meta.language, "en");
    assert_eq!(art.text, txt, "the title line stays in the text");
}

#[test]
fn folders_import_in_name_order_and_duplicates_and_failures_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second article about Russia and China cooperating on AI research.\n");
    write(dir.path(), "a.md", b"# First\n\nFirst article text about France.\n");
    write(dir.path(), "notes.csv", b"ignored,file\n");
    write(dir.path(), "photo.png", b"\x89PNG not an article");
    write(dir.path(), "empty.txt", b"   \n");
    fs::create_dir(dir.path().join("sub")).unwrap();
    write(
        &dir.path().join("sub"),
        "c.html",
        b"<html><body><article><p>Third article, from a page, about India.</p></article></body></html>",
    );
    let paths = import::collect_paths(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<_> = paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.md", "b.txt", "empty.txt", "notes.csv", "c.html"], "files of unknown kinds are left out");
    let mut p = Project::new("t");
    let plan = import::plan_import(&mut p, &paths);
    assert_eq!(plan.added(), 3);
    let troubled: Vec<String> =
        plan.files.iter().filter(|f| f.error.is_some() || !f.skipped.is_empty()).map(|f| f.summary()).collect();
    assert_eq!(troubled.len(), 2, "the empty file and the table without rows: {troubled:?}");
    assert!(troubled.iter().any(|t| t.contains("empty.txt")), "{troubled:?}");
    assert!(troubled.iter().any(|t| t.contains("notes.csv") && t.contains("no rows")), "{troubled:?}");
    plan.command.unwrap().apply(&mut p).unwrap();
    assert_eq!(p.articles.len(), 3);
    // Importing the same files again finds their texts already there.
    let again = import::plan_import(&mut p, &paths);
    assert_eq!(again.duplicates(), 3);
    assert!(again.command.is_none());
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let f = fs::File::create(&path).unwrap();
    f.set_len(import::MAX_ARTICLE_BYTES + 1).unwrap();
    let err = read_article(&path).unwrap_err().to_string();
    assert!(err.contains("huge.txt") && err.contains("larger than"), "{err}");
}

/// A 200 MB "article" (sparse: no disk used) is refused with its size, not read into memory;
/// the CLI says so and leaves the project as it was.
#[test]
fn a_200_mb_text_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.txt");
    fs::File::create(&path).unwrap().set_len(200 << 20).unwrap();
    let err = read_article(&path).unwrap_err().to_string();
    assert!(err.contains("dump.txt") && err.contains("209715200 bytes"), "{err}");
    let project = dir.path().join("p.ron");
    let out = assert_cmd::Command::cargo_bin("glose")
        .unwrap()
        .args(["import", path.to_str().unwrap(), "--into", project.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("209715200 bytes"), "{stderr}");
}
