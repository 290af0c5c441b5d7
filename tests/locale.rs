//! `LANG=fr_FR.UTF-8` opens the window in French: the system's language is read from the
//! environment as on Linux desktops. (Its own test binary: it sets the process's environment.)

#[cfg(target_os = "linux")]
#[test]
fn the_system_locale_gives_the_window_s_language() {
    use glose::ui::i18n::{Lang, system};
    // SAFETY: the only test of this binary; nothing else reads the environment meanwhile.
    unsafe {
        for var in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
            std::env::remove_var(var);
        }
        std::env::set_var("LANG", "fr_FR.UTF-8");
    }
    assert_eq!(system(), Lang::Fr);
    unsafe { std::env::set_var("LANG", "en_GB.UTF-8") };
    assert_eq!(system(), Lang::En);
    unsafe { std::env::set_var("LANG", "de_DE.UTF-8") };
    assert_eq!(system(), Lang::En, "a language Glose does not speak: English");
    unsafe { std::env::set_var("LANGUAGE", "fr_CA:en") };
    assert_eq!(system(), Lang::Fr, "LANGUAGE's list comes first");
}
