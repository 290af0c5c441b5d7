//! Import figures (issue 11): splitting a 1 000-article Europresse export and a 1 000-article
//! Nexis Uni DOCX, reading a 10 000-row CSV corpus and a 50-page PDF, and duplicate detection
//! over 10 000 articles. Inputs are generated from a seed here (the PDF is a committed
//! fixture written by `scripts/make-import-fixtures.py`); nothing large is committed.
//!
//! Run: `cargo bench --bench import`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::import::{self, ReadOptions, Record, SourceFile, read::read_bytes};
use glose::synth::{Rng, prose};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

fn europresse(n: usize) -> Vec<u8> {
    let mut rng = Rng::new(1);
    let mut html = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    for i in 0..n {
        let body: String = prose(&mut rng, 450).split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
        html.push_str(&format!(
            "<article><header><div><span class=\"DocPublicationName\">Le Monde, no. {i}</span></div>\
             <div><span class=\"DocHeader\">International, mardi 14 mars 2006, p. {}</span></div>\
             <div class=\"titreArticle\"><p class=\"titreArticleVisu\">Article {i}</p></div><div>Auteur {i}</div>\
             </header><section><div class=\"DocText\"><div class=\"docOcurrContainer\">{body}</div></div></section>\
             <footer><small>© 2006 Le Monde. Tous droits réservés.</small><p>Numéro de document : news·2006·LM·{i}</p>\
             <div id=\"divPubliC\"><span>Ce certificat est émis à des fins de visualisation.</span></div></footer></article>",
            i % 40
        ));
    }
    html.push_str("</body></html>");
    html.into_bytes()
}

fn nexis_docx(n: usize) -> Vec<u8> {
    let mut rng = Rng::new(2);
    let mut lines: Vec<String> =
        vec!["Date and Time: Friday, 5. July 2019 09:31:00 CEST".into(), "Job Number: 1".into()];
    lines.push(format!("Documents ({n})"));
    lines.extend(["", "", "", ""].map(String::from));
    for i in 0..n {
        lines.extend([
            format!("Headline {i}"),
            "The Guardian(London)".into(),
            "July 1, 2019 Monday 9:20 AM GMT".into(),
        ]);
        lines.extend([format!("Section:\u{a0}POLITICS; Version:{i}"), "Length:\u{a0}450 words".into()]);
        lines.extend(["Byline:\u{a0}Somebody".to_string(), "Body".into()]);
        lines.extend(prose(&mut rng, 450).split("\n\n").map(String::from));
        lines.push("End of Document".into());
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    for l in lines {
        xml.push_str(&format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"));
    }
    xml.push_str("</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).expect("zip");
    zip.write_all(xml.as_bytes()).expect("zip");
    zip.finish().expect("zip");
    buf.into_inner()
}

fn csv_corpus(n: usize) -> Vec<u8> {
    let mut rng = Rng::new(3);
    let mut out = String::from("titre;date;journal;texte;rubrique\n");
    for i in 0..n {
        let text = prose(&mut rng, 350).replace('"', "");
        out.push_str(&format!("Article {i};14/03/2006;Le Monde;\"{text}\";International\n"));
    }
    out.into_bytes()
}

fn read(name: &str, bytes: &[u8]) -> Vec<SourceFile> {
    read_bytes(name, Path::new(name), bytes.to_vec(), &ReadOptions::default(), 0)
}

fn count(files: &[SourceFile]) -> usize {
    files.iter().map(|f| f.records.len()).sum()
}

fn splitting(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let e = europresse(1000);
    assert_eq!(count(&read("e.html", &e)), 1000);
    eprintln!("europresse export: {:.1} MB", e.len() as f64 / 1e6);
    g.bench_function("europresse_1000", |b| b.iter(|| black_box(read("e.html", &e))));
    let d = nexis_docx(1000);
    assert_eq!(count(&read("n.docx", &d)), 1000);
    eprintln!("nexis docx: {:.1} MB", d.len() as f64 / 1e6);
    g.bench_function("nexis_docx_1000", |b| b.iter(|| black_box(read("n.docx", &d))));
    let t = csv_corpus(10_000);
    assert_eq!(count(&read("c.csv", &t)), 10_000);
    eprintln!("csv corpus: {:.1} MB", t.len() as f64 / 1e6);
    g.bench_function("csv_10000_rows", |b| b.iter(|| black_box(read("c.csv", &t))));
    let pdf = std::fs::read("benches/data/fifty-pages.pdf").expect("benches/data/fifty-pages.pdf");
    assert_eq!(count(&read("p.pdf", &pdf)), 1);
    g.bench_function("pdf_50_pages", |b| b.iter(|| black_box(read("p.pdf", &pdf))));
    g.finish();
}

fn duplicates(c: &mut Criterion) {
    // 10 000 articles of 400 words; every twentieth is an earlier one with a few words changed.
    let mut rng = Rng::new(4);
    let mut file = SourceFile::new("corpus", Default::default());
    for i in 0..10_000 {
        let text = if i % 20 == 19 {
            let base: &String = &file.records[i - 7].text;
            base.replacen("ka", "ko", 3)
        } else {
            prose(&mut rng, 400)
        };
        file.records.push(Record { text, ..Default::default() });
    }
    let files = [file];
    let fates = import::dedupe::dedupe(&[], &files);
    let near = fates[0].iter().filter(|f| matches!(f, import::Fate::NearDuplicate { .. })).count();
    eprintln!("dedupe: {near} near-duplicates found of 500 planted");
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("dedupe_10000", |b| b.iter(|| black_box(import::dedupe::dedupe(&[], &files))));
    g.finish();
}

criterion_group!(benches, splitting, duplicates);
criterion_main!(benches);
