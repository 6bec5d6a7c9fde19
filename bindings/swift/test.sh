#!/usr/bin/env bash
# Builds the protecteu cdylib as it ships (scripts/build-mobile), regenerates the Swift bindings from that exact library
# into bindings/swift/Generated (git-ignored), and runs the XCTest suite and the example in
# examples/swift with a real Swift toolchain.
#
# Debian 12 has no Swift, so Debian 13's `swiftlang` runs in a chroot made with debootstrap
# under target/swift-chroot (created once, about 3.3 GB, reused afterwards). /proc is mounted
# inside it while swift runs and unmounted on exit. The library, the generated files, the
# package, the example, the conformance vectors and the relevance suite are copied in (no bind
# mounts).
#
# Ends with `swift: N passed, N failed` (XCTest's counts).
#   PROTECTEU_CONFORMANCE_DIR=/some/dir bindings/swift/test.sh   # other vector files
#   PROTECTEU_SWIFT_CHROOT=/some/dir                              # another chroot location
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
jail="${PROTECTEU_SWIFT_CHROOT:-$target/swift-chroot}"
vectors="${PROTECTEU_CONFORMANCE_DIR:-$root/tests/conformance}"
mirror=/build/protecteu            # the workspace's layout, inside the chroot
dst="$jail$mirror"

# ---- the library and its generated bindings ---------------------------------------------
cd "$root"
# The shipped library (scripts/build-mobile: profile `mobile`, stripped, std rebuilt for size) is what the tests load. uniffi-bindgen
# reads the interface from the symbol table, which stripping removes, so the bindings are
# generated from the unstripped release build of the same sources; the generated code checks
# the API checksums of the library it loads, so a mismatch would fail every test.
lib="$(scripts/build-mobile)"
cargo build --release -p protecteu-ffi -p uniffi-bindgen -p protecteu-cli
meta_lib="$target/release/libprotecteu_ffi.so"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The report page as the Rust CLI writes it, computed in this run: the tests compare their
# reportHtml() bytes with it.
"$target/release/protecteu" report --as-of 2026-01-15 --out "$out/report-2026-01-15.html"
"$target/release/uniffi-bindgen" generate --no-format --library "$meta_lib" --language swift --out-dir "$out"
rm -rf "$here/Generated"
# Module names from bindings/ffi/uniffi.toml: the Swift API `ProtectEU` over the C module
# `ProtectEUFFI`.
mkdir -p "$here/Generated/ProtectEUFFI" "$here/Generated/ProtectEU"
cp "$out/ProtectEUFFI.h" "$here/Generated/ProtectEUFFI/"
cp "$out/ProtectEUFFI.modulemap" "$here/Generated/ProtectEUFFI/module.modulemap"
cp "$out/ProtectEU.swift" "$here/Generated/ProtectEU/"

# ---- the Swift toolchain: Debian trixie's swiftlang in a chroot --------------------------
# A marker written after a complete install (swift's own files are absolute symlinks, which do
# not resolve from outside the chroot).
ready="$jail/.protecteu-swift-ready"
if [ ! -f "$ready" ]; then
    if grep -q " $jail/" /proc/mounts; then
        echo "swift: something is mounted under $jail; unmount it first" >&2
        exit 1
    fi
    if [ ! -x "$jail/usr/bin/apt-get" ]; then
        command -v debootstrap >/dev/null \
            || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
        rm -rf "$jail"
        echo "swift: creating a Debian trixie chroot in $jail" >&2
        debootstrap --variant=minbase trixie "$jail" >/dev/null
    fi
    echo "swift: installing swiftlang and libc6-dev in the chroot" >&2
    chroot "$jail" apt-get update -qq
    chroot "$jail" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends swiftlang libc6-dev >/dev/null
    touch "$ready"
fi

mounted=""
cleanup() {
    if [ -n "$mounted" ]; then umount "$jail/proc" || umount -l "$jail/proc" || true; fi
    rm -rf "$out"
}
trap cleanup EXIT
# A /proc left mounted by an interrupted run is taken over and unmounted at the end too.
mountpoint -q "$jail/proc" || mount -t proc proc "$jail/proc"
mounted=1

# ---- copy what the tests need, keeping SwiftPM's .build caches --------------------------
mkdir -p "$dst/target/release" "$dst/bindings/swift" "$dst/examples/swift/ProtectEUExample" "$dst/tests" \
    "$dst/crates/protecteu/data"
# (into target/release of the copy, where Package.swift looks: the shipped, mobile build)
cp "$lib" "$dst/target/release/"
for item in Package.swift Generated Tests; do
    rm -rf "$dst/bindings/swift/$item"
    cp -a "$here/$item" "$dst/bindings/swift/"
done
for item in Package.swift Sources; do
    rm -rf "$dst/examples/swift/ProtectEUExample/$item"
    cp -a "$root/examples/swift/ProtectEUExample/$item" "$dst/examples/swift/ProtectEUExample/"
done
rm -rf "$dst/tests/conformance"
mkdir -p "$dst/tests/conformance"
cp "$vectors"/*.json "$dst/tests/conformance/" 2>/dev/null || true
# Suites that vectors name by a relative path (the relevance suite: ../relevance/queries.json).
rm -rf "$dst/tests/relevance"
cp -a "$root/tests/relevance" "$dst/tests/relevance"
cp "$root/crates/protecteu/data/protecteu-2025.json" "$dst/crates/protecteu/data/"
rm -rf "$dst/target/report-reference"
mkdir -p "$dst/target/report-reference"
cp "$out/report-2026-01-15.html" "$dst/target/report-reference/"

in_jail() {
    chroot "$jail" env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
        /bin/bash -c "$1"
}

# ---- run ---------------------------------------------------------------------------------
log="$out/test.log"
status=0
in_jail "cd $mirror/bindings/swift && swift test --disable-swift-testing" 2>&1 | tee "$log" \
    || status=$?

example=0
in_jail "cd $mirror/examples/swift/ProtectEUExample && swift run -q ProtectEUExample" 2>&1 | tee "$out/example.log" \
    || example=$?
if [ "$example" -ne 0 ] || ! grep -q "europol-mandate-revision" "$out/example.log"; then
    echo "swift: the example in examples/swift failed" >&2
    example=1
fi

# XCTest's total: "Executed N tests, with F failures (U unexpected) in ..." (the last one).
summary="$(grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$log" | tail -n 1 || true)"
if [ -z "$summary" ]; then
    echo "swift: 0 passed, 1 failed (no XCTest summary)"
    exit 1
fi
run="$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')"
failed="$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')"
echo
echo "swift: $((run - failed)) passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$run" -gt 0 ] && [ "$example" -eq 0 ]
