//! Writes a synthetic project for trying Glose at size (nothing large is committed):
//! `cargo run --release --example synth_project -- OUT.ron [ARTICLES] [CHARS] [SPANS] [RELATIONS]`
//! (defaults: 1000 articles of 2 500 characters, 100 spans and 10 relations each).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: synth_project OUT.ron [ARTICLES] [CHARS] [SPANS] [RELATIONS]")?;
    let mut num = |default: usize| -> Result<usize, Box<dyn std::error::Error>> {
        Ok(args.next().map(|a| a.parse()).transpose()?.unwrap_or(default))
    };
    let (articles, chars, spans, relations) = (num(1000)?, num(2500)?, num(100)?, num(10)?);
    let project = glose::synth::project(7, articles, chars, spans, relations);
    let saved = glose::store::save(&project, std::path::Path::new(&out))?;
    println!("wrote {out}: {articles} articles, {} spans, {:.1} MB", articles * spans, saved.bytes as f64 / 1e6);
    Ok(())
}
