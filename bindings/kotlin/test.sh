#!/usr/bin/env bash
# Builds the protecteu cdylib as it ships (scripts/build-mobile: profile `mobile`, LTO,
# size-optimised, stripped), regenerates the Kotlin bindings from that exact library into
# bindings/kotlin/target/generated-sources/uniffi (git-ignored), runs the Kotlin tests on the
# JVM and installs the jar (generated Kotlin + linux-x86-64/libprotecteu_ffi.so) with
# `mvn install` into a local repository under target/ (target/m2); then builds the example
# project examples/kotlin against that installed jar and runs it with only the jar's
# dependencies on the class path. Ends with `kotlin: N passed, N failed`.
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
# The shipped library (scripts/build-mobile: profile `mobile`, symbols stripped, std rebuilt
# for size) is what the tests load. uniffi-bindgen reads the interface from the symbol table,
# which stripping removes, so the bindings are generated from the unstripped release build of
# the same sources; the generated code checks the API checksums of the library it loads, so a
# mismatch would fail every test.
lib="$(scripts/build-mobile)"
cargo build --release -p protecteu-ffi -p uniffi-bindgen -p protecteu-cli
meta_lib="$target/release/libprotecteu_ffi.so"
# The report page as the Rust CLI writes it, computed in this run: the tests compare their
# reportHtml() bytes with it.
reference="$target/report-reference/kotlin-2026-01-15.html"
mkdir -p "$(dirname "$reference")"
"$target/release/protecteu" report --as-of 2026-01-15 --out "$reference"

generated="$here/target/generated-sources/uniffi"
rm -rf "$generated"
mkdir -p "$generated"
"$target/release/uniffi-bindgen" generate --no-format --library "$meta_lib" \
    --language kotlin --out-dir "$generated"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# A local repository of our own: the installed jar (and Maven's downloads) stay under target/.
repo="$target/m2"
# The Kotlin compiler runs inside Maven (`kotlin.compiler.daemon=false`): with its daemon, a
# clean-clone run failed once with "Failed connecting to the daemon in 4 retries" while two
# daemons were starting.
args=(-B -Dstyle.color=never -Dkotlin.compiler.daemon=false -Dmaven.repo.local="$repo" -f "$here/pom.xml" -Dprotecteu.library.dir="$(dirname "$lib")"
      -Dprotecteu.report.reference="$reference")
if [ -n "${PROTECTEU_CONFORMANCE_DIR:-}" ]; then
    args+=(-Dprotecteu.conformance.dir="$(cd "$PROTECTEU_CONFORMANCE_DIR" && pwd)")
fi
status=0
mvn "${args[@]}" "$@" install 2>&1 | tee "$log" \
    || status=$?

# Surefire's summary: "Tests run: N, Failures: F, Errors: E, Skipped: S" (the last one is the total).
summary="$(grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" | tail -n 1 || true)"
if [ -z "$summary" ]; then
    echo "kotlin: 0 passed, 1 failed (no test summary from Maven)"
    exit 1
fi
read -r run failures errors skipped < <(echo "$summary" | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)/\1 \2 \3 \4/')
failed=$((failures + errors))

# The jar carries the library where JNA looks for it.
jar="$repo/eu/protecteu/protecteu-kotlin/0.1.0/protecteu-kotlin-0.1.0.jar"
example_status=0
if [ "$status" -eq 0 ]; then
    if ! jar tf "$jar" | grep -qx 'linux-x86-64/libprotecteu_ffi.so'; then
        echo "kotlin: $jar lacks linux-x86-64/libprotecteu_ffi.so" >&2
        example_status=1
    else
        echo "installed $jar ($(stat -c %s "$jar") bytes)"
        # The example project, built against the installed jar and run with nothing but its
        # class path: no jna.library.path, no copy of the library.
        example="$root/examples/kotlin"
        cp_file="$example/target/classpath.txt"
        if mvn -B -q -Dstyle.color=never -Dkotlin.compiler.daemon=false -Dmaven.repo.local="$repo" -f "$example/pom.xml" \
                clean package dependency:build-classpath -Dmdep.outputFile="$cp_file"; then
            out="$(cd /tmp && env -u LD_LIBRARY_PATH java -cp "$example/target/classes:$(cat "$cp_file")" \
                eu.protecteu.example.ExampleKt)" || example_status=$?
            printf '%s\n' "$out" | head -n 5
            if [ "$example_status" -eq 0 ] && ! grep -q "europol-mandate-revision" <<<"$out"; then
                echo "kotlin: the example ran but did not print Europol's actions" >&2
                example_status=1
            fi
        else
            example_status=1
        fi
    fi
fi
if [ "$example_status" -ne 0 ]; then
    failed=$((failed + 1))
else
    run=$((run + 1))
fi
echo
echo "kotlin: $((run - failed - skipped)) passed, $failed failed (tests and the example from the installed jar)"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$run" -gt 0 ]
