#!/usr/bin/env bash
# Prints the test command that README.md shows under <!-- test-command --> (the one CI runs),
# so that .ci/run and scripts/test-under-load.sh read it from one place.
set -euo pipefail
cd "$(dirname "$0")/.."
command=$(sed -n '/<!-- test-command -->/,/^```$/p' README.md | sed -n '/^```bash$/,/^```$/p' | sed '1d;$d')
[ -n "$command" ] || { echo "README.md has no test command block" >&2; exit 1; }
printf '%s\n' "$command"
