//! Language of a text (whatlang), as an ISO 639-1 code where one exists.

/// "fr", "en", "ru", "zh", …; `None` when the text is too short or mixed to tell.
pub fn detect_language(text: &str) -> Option<String> {
    // A sample is enough and keeps book-length texts cheap.
    let end = text.char_indices().nth(4000).map_or(text.len(), |(i, _)| i);
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
}

/// Two-letter code for whatlang's three-letter one.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "fra" => "fr",
        "rus" => "ru",
        "cmn" => "zh",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "ukr" => "uk",
        "bel" => "be",
        "pol" => "pl",
        "ces" => "cs",
        "nld" => "nl",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "hin" => "hi",
        "jpn" => "ja",
        "kor" => "ko",
        "vie" => "vi",
        "ind" => "id",
        "ell" => "el",
        "ron" => "ro",
        "hun" => "hu",
        "bul" => "bg",
        "srp" => "sr",
        "hrv" => "hr",
        "kat" => "ka",
        "hye" => "hy",
        "epo" => "eo",
        _ => return None,
    })
}

/// The primary subtag of an HTML `lang` value: "fr-FR" → "fr".
pub fn normalise_tag(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}
