# Shared by run-app and run-tests: make .venv and install the project into it.
# Usage: ensure_venv "" | ensure_venv "[test]"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${EXITBOT_VENV:-$ROOT/.venv}"
# The exact versions tested and bundled (packaging/pin_dependencies.py writes them).
CONSTRAINTS="$ROOT/packaging/constraints.txt"

apt_install() {
    # Debian/Ubuntu system libraries Qt and the tools need. Only as root (CI, a fresh box);
    # otherwise say what to run, because installing them needs an administrator.
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}"
        echo "Ask an administrator to run: sudo apt-get install -y ${missing[*]}"
    fi
}

# llama.cpp is compiled for a portable x86-64 (AVX2) CPU rather than for this machine
# (-march=native): on CPUs that report Intel AMX, llama.cpp's AMX kernels crash with a
# segmentation fault at the first token when the (virtual) machine does not really
# provide AMX, and a native build would not run on an older HR PC anyway.
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"

# pip keys its wheel cache on the source archive only, not on CMAKE_ARGS: a llama-cpp-python
# wheel once built natively in ~/.cache/pip would be reused silently and crash. So it is
# compiled here without the cache, and a stamp in the venv records the flags it was built with.
ensure_llama_cpp() {
    [ "$(uname -m)" = "x86_64" ] || return 0
    local flags="${CMAKE_ARGS:-$LLAMA_CMAKE_ARGS}" stamp="$VENV/.llama-cpp-cmake-args"
    local requirement
    requirement="$(grep -i '^llama-cpp-python==' "$CONSTRAINTS")"
    # The stamp names the flags and the pinned version: a new pin compiles again.
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$flags $requirement" ] && return 0
    echo "Compiling $requirement for a portable x86-64 CPU (once, about 10 minutes)"
    CMAKE_ARGS="$flags" "$VENV/bin/python" -m pip install -q --no-cache-dir --force-reinstall \
        --no-deps "$requirement"
    echo "$flags $requirement" >"$stamp"
}

ensure_venv() {
    local extras="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "Creating $VENV"
        python3 -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    ensure_llama_cpp
    echo "Installing ExitBot Desktop$extras"
    "$VENV/bin/python" -m pip install -q -c "$CONSTRAINTS" -e "$ROOT$extras"
}
