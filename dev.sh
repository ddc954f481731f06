#!/usr/bin/env bash
# Set-up and the project's two jobs, on a fresh machine or an existing checkout:
#   ./dev.sh dashboard   install, then open the example dashboard in JupyterLab
#   ./dev.sh test        install (Chromium and Graphviz included), then lint, type-check,
#                        check the import layers and test
set -euo pipefail
cd "$(dirname "$0")"

VENV="${JF_VENV:-.venv}"
PY="$VENV/bin/python"

ensure_venv() {
    if [ ! -x "$PY" ]; then
        python3 -m venv "$VENV"
    fi
    "$PY" -m pip install -q --upgrade pip
}

ensure_system_packages() {
    # Chromium runs the browser tests; Graphviz's dot draws st.graphviz_chart as SVG
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v dot >/dev/null 2>&1 || missing+=(graphviz)
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi
    if [ "$(id -u)" = "0" ]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    else
        echo "Missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' for the browser" \
            "tests (chromium) and st.graphviz_chart's drawing tests (graphviz)." >&2
    fi
}

case "${1:-}" in
    dashboard)
        shift
        ensure_venv
        "$PY" -m pip install -q -e ".[test,lab]"
        extra=()
        if [ "$(id -u)" = "0" ]; then
            extra+=(--allow-root)  # JupyterLab refuses to start as root without it
        fi
        exec "$VENV/bin/jupyter" lab --ip=127.0.0.1 "${extra[@]}" notebooks/quickstart.ipynb "$@"
        ;;
    test)
        shift
        ensure_system_packages
        ensure_venv
        "$PY" -m pip install -q -e ".[test,lint,lab,browser]"
        "$PY" -m ruff check jupyter_fragments tests $(ls -d benchmarks docs 2>/dev/null)
        "$PY" -m ruff format --check jupyter_fragments
        "$PY" -m mypy
        "$VENV/bin/lint-imports" --no-cache  # the layer contracts in pyproject.toml
        exec "$PY" -m pytest "$@"
        ;;
    *)
        echo "usage: ./dev.sh dashboard | ./dev.sh test [pytest args]" >&2
        exit 2
        ;;
esac
