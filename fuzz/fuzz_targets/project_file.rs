//! The RON project loader: any bytes give a project or a located error, never a panic; a
//! project that loads saves to text that loads back to the same project.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = glose::store::from_str(text, Path::new("fuzz.ron")) else { return };
    let _ = glose::model::validate(&loaded.project);
    let saved = glose::store::to_string(&loaded.project).expect("a loaded project serialises");
    let again = glose::store::from_str(&saved, Path::new("saved.ron")).expect("what Glose writes, Glose reads");
    let mut normal = loaded.project.clone();
    normal.normalize();
    assert_eq!(again.project, normal, "a round trip keeps the project");
});
