//! Every input a fuzzer once crashed Glose with (`tests/fuzz-regressions/TARGET/`), replayed
//! through the same check as its fuzz target (`glose::checks`), plus the committed seeds.

use std::path::Path;

fn replay(root: &Path) -> usize {
    let mut n = 0;
    for target in std::fs::read_dir(root).unwrap().flatten() {
        let name = target.file_name().to_string_lossy().into_owned();
        for input in std::fs::read_dir(target.path()).unwrap().flatten() {
            let data = std::fs::read(input.path()).unwrap();
            eprintln!("{name}: {}", input.path().display());
            glose::checks::run(&name, &data);
            n += 1;
        }
    }
    n
}

#[test]
fn inputs_that_once_crashed_a_fuzz_target_pass_its_check() {
    assert!(replay(Path::new("tests/fuzz-regressions")) >= 3);
}

#[test]
fn the_fuzz_seeds_pass_their_checks() {
    assert!(replay(Path::new("fuzz/seeds")) >= 9);
}
