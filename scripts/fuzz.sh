#!/usr/bin/env bash
# Runs every fuzz target for a while (default 60 s each) with libFuzzer through cargo-fuzz,
# starting from the committed seeds, and prints executions and findings per target.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Crashing inputs land in
# fuzz/artifacts/TARGET/; copy them to tests/fuzz-regressions/TARGET/ so `cargo test` replays them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(project_file journal article_text article_markdown article_html doccano label_studio brat conll
        import_press import_office import_rtf import_pdf import_table)
fi
cargo +nightly fuzz build -O >/dev/null 2>&1 || cargo +nightly fuzz build -O
seed=()
[ -n "${FUZZ_SEED:-}" ] && seed=(-seed="$FUZZ_SEED")
found=0
printf '%-18s %12s %8s %s\n' target executions crashes corpus
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    log=$(mktemp)
    cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${seed[@]}" \
        >"$log" 2>&1 || true
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
    printf '%-18s %12s %8s %s\n' "$t" "${execs:-?}" "$crashes" "$(find "corpus/$t" -type f | wc -l) inputs"
    if grep -q 'ERROR: libFuzzer\|panicked' "$log"; then
        grep -m3 'panicked\|ERROR' "$log" | sed 's/^/    /'
        found=1
    fi
    rm -f "$log"
done
exit $found
