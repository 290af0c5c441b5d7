//! Journal replay: any bytes give commands or a located error; replaying the commands on the
//! example project never panics and a failed command changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn example() -> &'static glose::model::Project {
    static P: OnceLock<glose::model::Project> = OnceLock::new();
    P.get_or_init(|| {
        let text = include_str!("../../projects/example.ron");
        glose::store::from_str(text, Path::new("example.ron")).expect("example").project
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(Some(parsed)) = glose::edit::parse_journal(data, Path::new("fuzz.journal")) else { return };
    let mut p = example().clone();
    for cmd in parsed.commands {
        let before = p.clone();
        if cmd.apply(&mut p).is_err() {
            assert_eq!(p, before, "a refused command leaves the project as it was");
        }
    }
});
