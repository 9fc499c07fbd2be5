#!/usr/bin/env bash
# Fuzzes `dvk import` with mutated copies of seeds/ (see scripts/fuzz-import.py).
#
#   scripts/fuzz-import.sh .build/debug/dvk [--count 300] [--seed S] [--keep DIR] [--findings DIR] ...
#
# Prints the seed and a summary; exits non-zero when any invariant failed.
set -euo pipefail

if [[ $# -lt 1 || $1 == -* ]]; then
    echo "usage: $0 PATH-TO-dvk [fuzz-import.py options]   (--help for them)" >&2
    [[ ${1:-} == -h || ${1:-} == --help ]] && exec python3 "$(dirname "${BASH_SOURCE[0]}")/fuzz-import.py" --help
    exit 2
fi
command -v python3 >/dev/null || { echo "$0: needs python3" >&2; exit 2; }
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fuzz-import.py" "$@"
