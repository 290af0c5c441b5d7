//! Bytes to text: BOM first, then valid UTF-8, then what the file declares, then a guess
//! (chardetng, the detector Firefox uses). A BOM is dropped; nothing else is changed.

use encoding_rs::Encoding;

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`; `declared` is an encoding the file itself names (HTML `<meta charset>`).
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Decoded { text: text.into_owned(), encoding: enc.name() };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded { text: s.to_string(), encoding: "UTF-8" };
    }
    let enc = declared.filter(|e| *e != encoding_rs::UTF_8).unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: enc.name() }
}
