//! The window's words: Fluent catalogues (`assets/i18n/en.ftl`, `fr.ftl`), CLDR plural rules,
//! numbers and dates as the language writes them. `t!("id")`, `t!("id", n = 3, name = s)`.
//!
//! The language is the thread's (the window's thread sets it every frame from the settings), so
//! tests running windows side by side in several languages do not see each other's. The CLI and
//! the files Glose writes stay in English and in ISO forms.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use unic_langid::LanguageIdentifier;

/// A language of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Its BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Its name in itself (the View → Language menu shows each language in its own words).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",  // i18n-ok: each language in its own words
            Lang::Fr => "Français", // i18n-ok
        }
    }

    /// Its catalogue.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../assets/i18n/en.ftl"),
            Lang::Fr => include_str!("../../assets/i18n/fr.ftl"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The best language of the window for the user's preferred locales (BCP 47 or POSIX forms,
/// best first: `fr_FR.UTF-8`, `fr-CA`, `en-GB`); English when none is offered.
pub fn negotiate<S: AsRef<str>>(wanted: &[S]) -> Lang {
    let requested: Vec<LanguageIdentifier> = wanted
        .iter()
        .filter_map(|w| {
            // POSIX: `fr_FR.UTF-8@euro` → `fr-FR`; "C" and "POSIX" say nothing.
            let w = w.as_ref().split(['.', '@']).next().unwrap_or("").replace('_', "-");
            (w != "C" && w != "POSIX").then(|| w.parse().ok()).flatten()
        })
        .collect();
    let available: Vec<LanguageIdentifier> = Lang::ALL.iter().filter_map(|l| l.tag().parse().ok()).collect();
    let default: LanguageIdentifier = Lang::En.tag().parse().unwrap_or_default();
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let tag = chosen.first().map(|l| l.language.as_str().to_string()).unwrap_or_default();
    Lang::ALL.into_iter().find(|l| l.tag() == tag).unwrap_or_default()
}

/// The system's language (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Linux; the user's
/// preferred languages on macOS and Windows).
pub fn system() -> Lang {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    negotiate(&locales)
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static BUNDLES: RefCell<[Option<FluentBundle<FluentResource>>; 2]> = const { RefCell::new([None, None]) };
}

/// Makes `lang` the language of the window drawn on this thread.
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of the window drawn on this thread.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Unicode isolation marks around every argument would show as boxes in egui's fonts.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |v, _| format_value(v, Lang::En),
        Lang::Fr => |v, _| format_value(v, Lang::Fr),
    }));
    // A message twice in a catalogue keeps the first (the catalogue test forbids it anyway).
    let _ = bundle.add_resource(resource);
    bundle
}

fn format_value(v: &FluentValue, lang: Lang) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(number_in(n.value, n.options.maximum_fraction_digits.unwrap_or(2), lang)),
        _ => None,
    }
}

/// The message `id` of the current language with `args`; the id itself when no catalogue has it
/// (the catalogue test makes that a failing test, not a user's sight).
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    let lang = current();
    BUNDLES.with(|b| {
        let mut b = b.borrow_mut();
        let bundle = b[lang.index()].get_or_insert_with(|| bundle(lang));
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { return id.to_string() };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    })
}

/// What Edit → Undo / Redo names a change: `edit::Command::describe`'s words ("add span") in the
/// window's language (message `undo-add-span`); a batch's label is already the window's.
pub fn change_name(what: &str) -> String {
    let id = format!("undo-{}", what.replace(' ', "-"));
    let name = message(&id, None);
    if name == id { what.to_string() } else { name }
}

/// A value given to a message: numbers select plurals and are written as the language writes
/// them; text is placed as it is. (Owned: a message's arguments may be temporaries.)
pub trait Arg {
    fn arg(&self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty)*) => {
        $(impl Arg for $t {
            fn arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        })*
    };
}
number_arg!(usize u8 u16 u32 u64 isize i8 i16 i32 i64 f32 f64);

impl Arg for str {
    fn arg(&self) -> FluentValue<'static> {
        FluentValue::String(self.to_string().into())
    }
}

impl Arg for String {
    fn arg(&self) -> FluentValue<'static> {
        self.as_str().arg()
    }
}

impl Arg for std::borrow::Cow<'_, str> {
    fn arg(&self) -> FluentValue<'static> {
        self.as_ref().arg()
    }
}

impl Arg for char {
    fn arg(&self) -> FluentValue<'static> {
        self.to_string().arg()
    }
}

impl Arg for std::path::Display<'_> {
    fn arg(&self) -> FluentValue<'static> {
        self.to_string().arg()
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self) -> FluentValue<'static> {
        (**self).arg()
    }
}

impl<T: Arg + ?Sized> Arg for &mut T {
    fn arg(&self) -> FluentValue<'static> {
        (**self).arg()
    }
}

/// An argument of `t!`: an `Arg` as it is, anything else that displays as its text
/// (autoref specialisation: the `Arg` impl is found first when there is one).
pub struct Wrap<'a, T: ?Sized>(pub &'a T);

pub trait ViaArg {
    fn to_fluent(&self) -> FluentValue<'static>;
}

impl<T: Arg + ?Sized> ViaArg for Wrap<'_, T> {
    fn to_fluent(&self) -> FluentValue<'static> {
        self.0.arg()
    }
}

pub trait ViaDisplay {
    fn to_fluent(&self) -> FluentValue<'static>;
}

impl<T: std::fmt::Display + ?Sized> ViaDisplay for &Wrap<'_, T> {
    fn to_fluent(&self) -> FluentValue<'static> {
        FluentValue::String(self.0.to_string().into())
    }
}

/// `t!("id")`, `t!("id", count = n, name = s)`: the message in the window's language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::ui::i18n::message($id, None)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::ui::i18n::{ViaArg as _, ViaDisplay as _};
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), (&$crate::ui::i18n::Wrap(&$v)).to_fluent()); )+
        $crate::ui::i18n::message($id, Some(&args))
    }};
}

/// `n` as the current language writes it: 12,345.5 / 12 345,5 (at most `decimals` decimals,
/// trailing zeros dropped).
pub fn number(n: f64, decimals: usize) -> String {
    number_in(n, decimals, current())
}

fn number_in(n: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::En => (",", "."),
        // French groups with a (narrow) no-break space: the line never breaks inside a number.
        Lang::Fr => ("\u{a0}", ","),
    };
    let text = format!("{:.*}", decimals, n.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if n < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    // Four-digit numbers stay whole in French ("2024", "1500"), as the typography wants.
    let grouped = whole.len() > 4 || (lang == Lang::En && whole.len() > 3);
    for (i, c) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(point);
        out.push_str(frac);
    }
    out
}

/// A slider whose value is written, and typed, as the language writes numbers (16,5 in French).
pub fn slider(slider: egui::Slider<'_>, decimals: usize) -> egui::Slider<'_> {
    slider
        .custom_formatter(move |v, _| number(v, decimals))
        .custom_parser(|s| s.trim().replace(['\u{a0}', ' '], "").replace(',', ".").parse().ok())
}

/// A share 0–1 as a percentage: 47 % / 47%.
pub fn percent(share: f64) -> String {
    match current() {
        Lang::En => format!("{}%", number(share * 100.0, 0)),
        Lang::Fr => format!("{}\u{a0}%", number(share * 100.0, 0)),
    }
}

/// An ISO date (`2024-03-05`, or `2024-03`, `2024`) as the current language writes it in
/// prose: 5 Mar 2024 / 5 mars 2024; anything else as it is.
pub fn date(iso: &str) -> String {
    // i18n-ok: the month names are the catalogues of `date`.
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const FR: [&str; 12] =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]; // i18n-ok
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str| s.parse::<usize>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
    let months = if current() == Lang::Fr { FR } else { EN };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && num(y).is_some() => match (num(m), num(d)) {
            (Some(m @ 1..=12), Some(d @ 1..=31)) => {
                let d = if current() == Lang::Fr && d == 1 { "1er".to_string() } else { d.to_string() };
                format!("{d} {} {y}", months[m - 1])
            }
            _ => iso.to_string(),
        },
        [y, m] if y.len() == 4 && num(y).is_some() => match num(m) {
            Some(m @ 1..=12) => format!("{} {y}", months[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_locale_picks_the_language() {
        assert_eq!(negotiate(&["fr_FR.UTF-8"]), Lang::Fr);
        assert_eq!(negotiate(&["fr-CA"]), Lang::Fr);
        assert_eq!(negotiate(&["de_DE.UTF-8", "fr_BE"]), Lang::Fr);
        assert_eq!(negotiate(&["en_GB.UTF-8"]), Lang::En);
        assert_eq!(negotiate(&["C"]), Lang::En);
        assert_eq!(negotiate::<&str>(&[]), Lang::En);
        assert_eq!(negotiate(&["ja_JP.UTF-8"]), Lang::En);
    }

    #[test]
    fn plurals_follow_each_language_s_rules() {
        set_current(Lang::En);
        assert_eq!(t!("count-spans", n = 0), "0 spans");
        assert_eq!(t!("count-spans", n = 1), "1 span");
        assert_eq!(t!("count-spans", n = 2), "2 spans");
        assert_eq!(t!("count-spans", n = 12345), "12,345 spans");
        set_current(Lang::Fr);
        // French: 0 and 1 are singular.
        assert_eq!(t!("count-spans", n = 0), "0 annotation");
        assert_eq!(t!("count-spans", n = 1), "1 annotation");
        assert_eq!(t!("count-spans", n = 2), "2 annotations");
        assert_eq!(t!("count-spans", n = 12345), "12\u{a0}345 annotations");
        assert_eq!(t!("files-days-ago", days = 3), "il y a 3 jours");
        assert_eq!(change_name("add span"), "ajout d’annotation");
        assert_eq!(change_name("accept 3 suggestions"), "accept 3 suggestions", "a batch's label as it is");
        set_current(Lang::En);
        assert_eq!(message("no-such-message", None), "no-such-message");
    }

    #[test]
    fn numbers_and_dates_as_each_language_writes_them() {
        set_current(Lang::En);
        assert_eq!(number(12345.0, 0), "12,345");
        assert_eq!(number(2024.0, 0), "2,024");
        assert_eq!(number(0.4712, 2), "0.47");
        assert_eq!(percent(0.47), "47%");
        assert_eq!(date("2024-03-05"), "5 Mar 2024");
        set_current(Lang::Fr);
        assert_eq!(number(12345.0, 0), "12\u{a0}345");
        assert_eq!(number(2024.0, 0), "2024");
        assert_eq!(number(0.4712, 2), "0,47");
        assert_eq!(number(-3.0, 1), "-3");
        assert_eq!(percent(0.47), "47\u{a0}%");
        assert_eq!(date("2024-03-01"), "1er mars 2024");
        assert_eq!(date("2024-08"), "août 2024");
        assert_eq!(date("hier"), "hier");
        set_current(Lang::En);
    }
}
