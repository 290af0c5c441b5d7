//! Dates as press databases write them, to ISO 8601: "mardi 14 mars 2006", "1er avril 2006",
//! "January 11, 2010 Monday", "11. Januar 2010", "9 Jan 2012", "2011-12-29", "29/12/2011",
//! "20111229". Month names in French, English and German, full or abbreviated.

/// The first date found in `s`, as "YYYY-MM-DD" (or "YYYY-MM" when only a month is given).
pub fn parse_date(s: &str) -> Option<String> {
    let words = tokens(s);
    // A month name with a day before or after it and a year after it.
    for (i, w) in words.iter().enumerate() {
        let Tok::Word(name) = w else { continue };
        let Some(month) = month_number(name) else { continue };
        let year_after = |from: usize| words[from..].iter().take(3).find_map(Tok::year);
        // "14 mars 2006", "1er avril 2006", "11. Januar 2010"
        if let Some(day) = i.checked_sub(1).and_then(|j| words[j].day())
            && let Some(year) = year_after(i + 1)
        {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
        // "January 11, 2010", "March 14th 2006"
        if let Some(day) = words.get(i + 1).and_then(Tok::day)
            && let Some(year) = year_after(i + 2)
        {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
        // "mars 2006"
        if let Some(year) = words.get(i + 1).and_then(Tok::year) {
            return Some(format!("{year:04}-{month:02}"));
        }
    }
    numeric_date(s)
}

/// ISO dates, "29/12/2011" (day first, as in Europe), "20111229".
fn numeric_date(s: &str) -> Option<String> {
    if let Some(iso) = super::plain::find_date(s) {
        return Some(iso);
    }
    let b = s.as_bytes();
    let digits_at = |i: usize, n: usize| i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit);
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        // dd/mm/yyyy or dd.mm.yyyy
        for dlen in [2, 1] {
            if !digits_at(i, dlen) {
                continue;
            }
            let sep = b.get(i + dlen).copied();
            if !matches!(sep, Some(b'/' | b'.' | b'-')) {
                continue;
            }
            for mlen in [2, 1] {
                let m = i + dlen + 1;
                if digits_at(m, mlen) && b.get(m + mlen) == sep.as_ref() && digits_at(m + mlen + 1, 4) {
                    let y = m + mlen + 1;
                    if digits_at(y + 4, 1) {
                        continue;
                    }
                    let day: u32 = s[i..i + dlen].parse().ok()?;
                    let month: u32 = s[m..m + mlen].parse().ok()?;
                    let year: u32 = s[y..y + 4].parse().ok()?;
                    if valid(year, month, day) {
                        return Some(format!("{year:04}-{month:02}-{day:02}"));
                    }
                }
            }
        }
        // yyyymmdd standing alone
        if digits_at(i, 8) && !digits_at(i + 8, 1) {
            let (year, month, day): (u32, u32, u32) =
                (s[i..i + 4].parse().ok()?, s[i + 4..i + 6].parse().ok()?, s[i + 6..i + 8].parse().ok()?);
            if (1800..=2200).contains(&year) && valid(year, month, day) {
                return Some(format!("{year:04}-{month:02}-{day:02}"));
            }
        }
    }
    None
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    (1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[derive(Debug)]
enum Tok {
    Word(String),
    Number(String),
}

impl Tok {
    fn day(&self) -> Option<u32> {
        let Tok::Number(n) = self else { return None };
        let d: u32 = n.parse().ok()?;
        (n.len() <= 2 && (1..=31).contains(&d)).then_some(d)
    }

    fn year(&self) -> Option<u32> {
        let Tok::Number(n) = self else { return None };
        let y: u32 = n.parse().ok()?;
        (n.len() == 4 && (1000..=2999).contains(&y)).then_some(y)
    }
}

/// Words (lowercased, without a trailing dot) and numbers (ordinal suffixes dropped: "1er",
/// "2nd", "14th", "11.").
fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<Tok>| {
        if cur.is_empty() {
            return;
        }
        let w = std::mem::take(cur);
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let rest = &w[digits.len()..];
            if rest.is_empty() || ["er", "e", "re", "st", "nd", "rd", "th"].contains(&rest) {
                out.push(Tok::Number(digits));
            }
        } else {
            out.push(Tok::Word(w.to_lowercase()));
        }
    };
    for c in s.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// 1–12 for a month name or its usual abbreviation in French, English or German.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &["janvier", "janv", "january", "jan", "januar", "jänner", "jän"],
        &["février", "fevrier", "févr", "fevr", "fév", "fev", "february", "feb", "februar"],
        &["mars", "march", "mar", "märz", "maerz", "mär", "mrz"],
        &["avril", "avr", "april", "apr"],
        &["mai", "may"],
        &["juin", "june", "jun", "juni"],
        &["juillet", "juil", "july", "jul", "juli"],
        &["août", "aout", "august", "aug"],
        &["septembre", "sept", "september", "sep"],
        &["octobre", "oct", "october", "oktober", "okt"],
        &["novembre", "nov", "november"],
        &["décembre", "decembre", "déc", "dec", "december", "dezember", "dez"],
    ];
    MONTHS.iter().position(|names| names.contains(&w)).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn press_database_dates() {
        let cases = [
            ("Communication, mardi 14 mars 2006, p. 16", "2006-03-14"),
            ("samedi 1er avril 2006", "2006-04-01"),
            ("29 décembre 2011", "2011-12-29"),
            ("9 January 2012", "2012-01-09"),
            ("January 11, 2010 Monday", "2010-01-11"),
            ("July 1, 2019 Monday 9:20 AM GMT", "2019-07-01"),
            ("11. Januar 2010 Montag", "2010-01-11"),
            ("Friday, 5. July 2019 09:31:00 CEST", "2019-07-05"),
            ("3 Mär 2021", "2021-03-03"),
            ("2011-12-29T10:00:00Z", "2011-12-29"),
            ("29/12/2011", "2011-12-29"),
            ("5.1.2012", "2012-01-05"),
            ("20111229", "2011-12-29"),
            ("mars 2006", "2006-03"),
            ("Sept. 3, 2020", "2020-09-03"),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).as_deref(), Some(want), "{s}");
        }
        for s in ["p. 16", "Le Monde", "mai", "", "355 words", "32/13/2011"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
