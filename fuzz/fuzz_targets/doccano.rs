//! Dataset import (doccano): any input gives a dataset or an error; a dataset planned into a
//! project gives spans that pass validation (inside the text, quotes matching).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(dataset) = glose::import::read_dataset_text(glose::import::DatasetFormat::Doccano, text, "fuzz") else { return };
    let mut project = glose::model::Project::new("fuzz");
    let plan = glose::import::dataset::plan(&mut project, dataset, None, "fuzzer");
    if let Some(cmd) = plan.command {
        cmd.apply(&mut project).expect("a planned import applies");
        let problems = glose::model::validate(&project);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
