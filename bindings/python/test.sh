#!/usr/bin/env bash
# Builds and checks the Python package from a clean state, the way CI does:
#   a fresh venv (target/py-venv) with maturin, pytest, mypy and pandas, and the SQLite
#   clients and notebook runner (DuckDB with its sqlite extension, Datasette, nbclient,
#   ipykernel, matplotlib);
#   the abi3 wheel (maturin build --release) into an emptied target/ci-wheels, installed;
#   pytest (bindings/python/tests, including the conformance vectors in tests/conformance);
#   pytest again in a venv with only the wheel and pytest (what needs pandas is skipped);
#   mypy --strict on examples/python/quickstart.py; mypy.stubtest against the compiled module;
#   the sdist (maturin sdist), checked to carry the core crate and its data, then built and
#   installed by pip in a second fresh venv and smoke-tested.
# Needs Rust and Python 3.9+ (python3, or $PYTHON) and access to PyPI. Idempotent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
python="${PYTHON:-python3}"
venv="$target/py-venv"
wheels="$target/ci-wheels"
sdists="$target/ci-sdist"
sdist_venv="$target/py-sdist-venv"
step() { printf '\n== %s\n' "$*"; }

step "fresh virtual environment in $venv"
"$python" -m venv --clear "$venv"
vpy="$venv/bin/python"
"$vpy" -m pip install --quiet --upgrade pip
"$vpy" -m pip install --quiet "maturin>=1.9,<2" "pytest>=8" "mypy>=1.10" "pandas>=1.5" pandas-stubs
# The real clients of the SQLite export (tests/test_sqlite.py) and the notebook's runner and
# chart (tests/test_notebook.py); without a cache, only these. DuckDB's sqlite extension comes
# from PyPI (the package of the same DuckDB version) because DuckDB's own extension server may be
# out of reach; DuckDB still checks its signature.
"$vpy" -m pip install --quiet --no-cache-dir "duckdb==1.5.5" "duckdb-extension-sqlite-scanner==1.5.5" \
    "datasette>=0.65,<1" "nbclient>=0.10" "nbformat>=5" ipykernel matplotlib

step "wheel (maturin build --release)"
rm -rf "$wheels"
"$venv/bin/maturin" build --release --manifest-path "$here/Cargo.toml" --out "$wheels" \
    --interpreter "$vpy"
wheel="$(ls "$wheels"/*.whl)"
case "$(basename "$wheel")" in
    *abi3*) echo "abi3 wheel: $(basename "$wheel")" ;;
    *) echo "not an abi3 wheel: $wheel" >&2; exit 1 ;;
esac
"$vpy" -m pip install --quiet --force-reinstall "$wheel"

# Run from a neutral directory so that `import protecteu` is the installed wheel.
cd "$target"

step "pytest"
set +e
# PROTECTEU_TEST_ALL=1: a client installed above that cannot be imported fails, never skips.
PROTECTEU_TEST_ALL=1 "$vpy" -m pytest -p no:cacheprovider -q -rs "$here/tests" 2>&1 | tee "$target/py-pytest.log"
pytest_status=${PIPESTATUS[0]}
set -e
# The last summary line, e.g. "== 3 failed, 128 passed in 1.2s ==".
summary="$(grep -E '[0-9]+ (passed|failed|errors?)' "$target/py-pytest.log" | tail -n 1 || true)"
count() { awk -v pat="$1" '{ for (i = 2; i <= NF; i++) if ($i ~ pat) n += $(i - 1) } END { print n + 0 }' <<<"$summary"; }
passed="$(count '^passed')"
failed="$(count '^(failed|errors?)')"
if [ "$pytest_status" -ne 0 ]; then
    echo "python: $passed passed, $failed failed"
    exit 1
fi

step "pytest in a venv with only the wheel and pytest (no optional extra)"
min_venv="$target/py-min-venv"
"$python" -m venv --clear "$min_venv"
"$min_venv/bin/python" -m pip install --quiet "pytest>=8" "$wheel"
if "$min_venv/bin/python" -c "import pandas" 2>/dev/null; then
    echo "pandas is installed in $min_venv: this check would prove nothing" >&2
    exit 1
fi
set +e
"$min_venv/bin/python" -m pytest -p no:cacheprovider -q -rs "$here/tests" 2>&1 | tee "$target/py-pytest-min.log"
min_status=${PIPESTATUS[0]}
set -e
if [ "$min_status" -ne 0 ]; then
    echo "python: the suite fails without the optional extras"
    exit 1
fi

step "mypy --strict on the example"
"$vpy" -m mypy --strict --no-incremental "$root/examples/python/quickstart.py"

step "the example runs"
"$vpy" "$root/examples/python/quickstart.py" >/dev/null

step "stubtest (stubs against the compiled module)"
"$vpy" -m mypy.stubtest protecteu --allowlist "$here/stubtest-allowlist.txt"

step "sdist (maturin sdist) carries the core crate and its data"
rm -rf "$sdists"
"$venv/bin/maturin" sdist --manifest-path "$here/Cargo.toml" --out "$sdists"
sdist="$(ls "$sdists"/*.tar.gz)"
listing="$(tar -tzf "$sdist")"
for needed in crates/protecteu/data/protecteu-2025.json crates/protecteu/src/lib.rs \
        bindings/python/src/lib.rs protecteu/_native.pyi protecteu/py.typed; do
    if ! grep -q "/$needed\$" <<<"$listing"; then
        echo "the sdist lacks $needed" >&2
        exit 1
    fi
done
echo "sdist ok: $(basename "$sdist")"

step "pip builds and installs the sdist in another fresh venv"
"$python" -m venv --clear "$sdist_venv"
"$sdist_venv/bin/python" -m pip install --quiet --upgrade pip
# A target dir of its own keeps reruns fast without touching the wheel's build. The sdist's
# files carry fixed timestamps (2006), so cargo would take changed sources for unchanged ones:
# the fingerprints of the project's own crates are removed first (dependencies stay built).
if [ -d "$target/sdist-build" ]; then
    find "$target/sdist-build" -type d -path '*/.fingerprint/protecteu*' -prune -exec rm -rf {} +
fi
# --no-cache-dir: pip would otherwise reuse the wheel it built from an earlier sdist of the
# same name and version.
CARGO_TARGET_DIR="$target/sdist-build" "$sdist_venv/bin/python" -m pip install --quiet --no-cache-dir "$sdist"
"$sdist_venv/bin/python" -c "import protecteu; s = protecteu.load(); print('sdist install:', len(s.actions(actor='europol')), 'Europol actions')"

echo
echo "python: $passed passed, 0 failed"
