# Shared by run-app and run-tests: make .venv and install the project into it.
# Usage: ensure_venv "" | ensure_venv "[test]"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${EXITBOT_VENV:-$ROOT/.venv}"

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

ensure_venv() {
    local extras="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "Creating $VENV"
        python3 -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    echo "Installing ExitBot Desktop$extras (llama-cpp-python compiles once, a few minutes)"
    if [ "$(uname -m)" = "x86_64" ]; then
        export CMAKE_ARGS="${CMAKE_ARGS:-$LLAMA_CMAKE_ARGS}"
    fi
    "$VENV/bin/python" -m pip install -q -e "$ROOT$extras"
}
