//! Calendar arithmetic for statement dates: days since 1970-01-01 (proleptic Gregorian, no
//! time zone, as DNA's `LocalDateTime`), ISO weeks, and reading the dates articles carry.

const DAY: i64 = 86_400;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number.
pub fn to_civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The ISO 8601 week (week-based year, week 1–53) of a day: weeks start on Monday and week 1
/// holds the year's first Thursday — the UK definition DNA asks Java for.
pub fn iso_week(days: i64) -> (i64, i64) {
    let weekday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday; Monday = 0
    let thursday = days - weekday + 3;
    let year = to_civil(thursday).0;
    (year, (thursday - from_civil(year, 1, 1)) / 7 + 1)
}

/// "YYYY-MM-DD".
pub fn format(days: i64) -> String {
    let (y, m, d) = to_civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of a time in seconds.
pub fn of_time(seconds: i64) -> i64 {
    seconds.div_euclid(DAY)
}

fn number(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Seconds since 1970-01-01 of a date as articles carry it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// optionally followed by `T` or a space and `HH:MM[:SS]` (anything after that — fractions, a
/// zone — is ignored). A missing month or day is the first.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    };
    let mut parts = date.split('-');
    let y = number(parts.next()?, 4)?;
    let m = parts.next().map_or(Some(1), |p| number(p, 2))?;
    let d = parts.next().map_or(Some(1), |p| number(p, 2))?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d < 1 || d > days_in_month(i64::from(y), m) {
        return None;
    }
    let mut seconds = from_civil(i64::from(y), m, d) * DAY;
    if !time.is_empty() {
        let clock: Vec<&str> = time.get(..8.min(time.len()))?.split(':').collect();
        let h = number(clock.first()?, 2)?;
        let min = clock.get(1).and_then(|p| number(p, 2))?;
        let sec = clock.get(2).map_or(Some(0), |p| number(p, 2))?;
        if h > 23 || min > 59 || sec > 59 {
            return None;
        }
        seconds += i64::from(h * 3600 + min * 60 + sec);
    }
    Some(seconds)
}

/// The day of a `YYYY-MM-DD` date (for `--from` and `--to`).
pub fn parse_day(s: &str) -> Option<i64> {
    let t = s.trim();
    (t.len() == 10).then(|| parse_time(t).map(of_time)).flatten()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(from_civil(1970, 1, 1), 0);
        assert_eq!(from_civil(2005, 1, 26), 1_106_697_600 / DAY);
        for d in [-800_000, -1, 0, 59, 11_016, 20_000, 2_000_000] {
            let (y, m, dd) = to_civil(d);
            assert_eq!(from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn iso_weeks() {
        // 2005-01-01 was a Saturday: ISO week 53 of 2004; 2005-01-03 (Monday) starts week 1.
        assert_eq!(iso_week(from_civil(2005, 1, 1)), (2004, 53));
        assert_eq!(iso_week(from_civil(2005, 1, 3)), (2005, 1));
        assert_eq!(iso_week(from_civil(2005, 1, 26)), (2005, 4));
        assert_eq!(iso_week(from_civil(2008, 12, 29)), (2009, 1));
    }

    #[test]
    fn article_dates() {
        assert_eq!(parse_time("2005-01-26"), Some(1_106_697_600));
        assert_eq!(parse_time("2005-01-26T10:30"), Some(1_106_697_600 + 37_800));
        assert_eq!(parse_time("2005-01-26 10:30:05+01:00"), Some(1_106_697_600 + 37_805));
        assert_eq!(parse_time("2005-02"), Some(from_civil(2005, 2, 1) * DAY));
        assert_eq!(parse_time("2005"), Some(from_civil(2005, 1, 1) * DAY));
        for bad in ["", "26/01/2005", "2005-02-30", "2005-13-01", "2005-1-2", "2005-01-26T25:00", "2005-01-26T1"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(parse_day("2005-01-26"), Some(from_civil(2005, 1, 26)));
        assert_eq!(parse_day("2005-01"), None);
    }
}
