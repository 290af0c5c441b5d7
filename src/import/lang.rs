//! Language of a text (whatlang), as an ISO 639-1 code where one exists.

/// "fr", "en", "ru", "zh", …; `None` when the text is too short or mixed to tell.
pub fn detect_language(text: &str) -> Option<String> {
    // A sample is enough and keeps book-length texts cheap.
    // (whatlang is reliable from a few hundred characters; corpora hold thousands of texts.)
    let end = text.char_indices().nth(1000).map_or(text.len(), |(i, _)| i);
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
        "lat" => "la",
        "cat" => "ca",
        "slk" => "sk",
        "slv" => "sl",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tha" => "th",
        "ben" => "bn",
        "urd" => "ur",
        "mkd" => "mk",
        "aze" => "az",
        "kaz" => "kk",
        _ => return None,
    })
}

/// The primary subtag of an HTML `lang` value: "fr-FR" → "fr".
pub fn normalise_tag(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// An ISO 639-1 code for what a source says the language is: a code ("fr", "fr-FR", "fra"),
/// or a name in English, French or the language itself ("Français", "ENGLISH", "Deutsch").
pub fn language_code(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let lower = v.to_lowercase();
    const NAMES: [(&str, &[&str]); 14] = [
        ("fr", &["french", "français", "francais", "française"]),
        ("en", &["english", "anglais", "englisch"]),
        ("de", &["german", "allemand", "deutsch"]),
        ("es", &["spanish", "espagnol", "español", "espanol", "spanisch"]),
        ("it", &["italian", "italien", "italiano", "italienisch"]),
        ("pt", &["portuguese", "portugais", "português", "portugues"]),
        ("nl", &["dutch", "néerlandais", "neerlandais", "nederlands"]),
        ("ru", &["russian", "russe", "русский", "russisch"]),
        ("uk", &["ukrainian", "ukrainien", "українська"]),
        ("zh", &["chinese", "chinois", "中文", "汉语", "chinesisch"]),
        ("ja", &["japanese", "japonais", "日本語"]),
        ("ar", &["arabic", "arabe", "العربية"]),
        ("pl", &["polish", "polonais", "polski"]),
        ("tr", &["turkish", "turc", "türkçe"]),
    ];
    if let Some((code, _)) = NAMES.iter().find(|(_, names)| names.contains(&lower.as_str())) {
        return Some(code.to_string());
    }
    let tag = normalise_tag(&lower);
    match tag.len() {
        2 if tag.chars().all(|c| c.is_ascii_lowercase()) => Some(tag),
        3 => iso639_1(&tag).map(str::to_string).or(match tag.as_str() {
            "fre" => Some("fr".into()),
            "ger" => Some("de".into()),
            "chi" | "zho" => Some("zh".into()),
            _ => None,
        }),
        _ => None,
    }
}
