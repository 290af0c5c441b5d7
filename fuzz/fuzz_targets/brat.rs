//! brat import: the input is the document's text, a NUL, its standoff, a NUL, annotation.conf.
//! Never a panic; what is planned into a project passes validation.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(all) = std::str::from_utf8(data) else { return };
    let mut parts = all.splitn(3, '\0');
    let text = parts.next().unwrap_or("");
    let standoff = parts.next().unwrap_or("");
    let conf = parts.next().unwrap_or("");
    let dataset = glose::import::brat_from_text(text, standoff, conf, "fuzz");
    let mut project = glose::model::Project::new("fuzz");
    let plan = glose::import::dataset::plan(&mut project, dataset, None, "fuzzer");
    if let Some(cmd) = plan.command {
        cmd.apply(&mut project).expect("a planned import applies");
        let problems = glose::model::validate(&project);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
