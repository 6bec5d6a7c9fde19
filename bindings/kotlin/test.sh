#!/usr/bin/env bash
# Builds the protecteu cdylib (release), regenerates the Kotlin bindings from that exact
# library into bindings/kotlin/target/generated-sources/uniffi (git-ignored), and runs the
# Kotlin tests on the JVM with Maven (JUnit 5 through Surefire). Ends with
# `kotlin: N passed, N failed`.
#
#   bindings/kotlin/test.sh [extra mvn arguments]
#   PROTECTEU_CONFORMANCE_DIR=/some/dir bindings/kotlin/test.sh   # other vector files
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac

if ! command -v mvn >/dev/null || ! command -v java >/dev/null; then
    echo "kotlin: installing Maven and a JDK" >&2
    apt-get update -qq && apt-get install -y -qq maven default-jdk-headless >/dev/null
fi

cd "$root"
cargo build --release -p protecteu-ffi -p uniffi-bindgen -p protecteu-cli
lib="$target/release/libprotecteu_ffi.so"
# The report page as the Rust CLI writes it, computed in this run: the tests compare their
# reportHtml() bytes with it.
reference="$target/report-reference/kotlin-2026-01-15.html"
mkdir -p "$(dirname "$reference")"
"$target/release/protecteu" report --as-of 2026-01-15 --out "$reference"

generated="$here/target/generated-sources/uniffi"
rm -rf "$generated"
mkdir -p "$generated"
"$target/release/uniffi-bindgen" generate --no-format --library "$lib" \
    --language kotlin --out-dir "$generated"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
args=(-B -Dstyle.color=never -f "$here/pom.xml" -Dprotecteu.library.dir="$target/release"
      -Dprotecteu.report.reference="$reference")
if [ -n "${PROTECTEU_CONFORMANCE_DIR:-}" ]; then
    args+=(-Dprotecteu.conformance.dir="$(cd "$PROTECTEU_CONFORMANCE_DIR" && pwd)")
fi
status=0
mvn "${args[@]}" "$@" test 2>&1 | tee "$log" \
    || status=$?

# Surefire's summary: "Tests run: N, Failures: F, Errors: E, Skipped: S" (the last one is the total).
summary="$(grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" | tail -n 1 || true)"
if [ -z "$summary" ]; then
    echo "kotlin: 0 passed, 1 failed (no test summary from Maven)"
    exit 1
fi
read -r run failures errors skipped < <(echo "$summary" | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)/\1 \2 \3 \4/')
failed=$((failures + errors))
echo
echo "kotlin: $((run - failed - skipped)) passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$run" -gt 0 ]
