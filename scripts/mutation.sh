#!/usr/bin/env bash
# Mutation testing (issue 20): StrykerJS on each scope in turn, smallest first, or on the scopes
# named as arguments (`pnpm mutation money documents`), one Stryker run per source file, then
# the scope's score (scripts/mutation/score.mjs). Long, so not part of `pnpm test`; niced, one
# test runner, so that it can run beside others on a shared machine. Incremental: each file's
# results are kept in scripts/mutation/incremental/<scope>/ and only the mutants a change
# touched are run again.
set -euo pipefail
cd "$(dirname "$0")/.."

list() { node --input-type=module -e "import * as s from './scripts/mutation/scopes.mjs'; $1"; }

if [ "$#" -gt 0 ]; then scopes=("$@"); else read -r -a scopes <<<"$(list 'console.log(Object.keys(s.scopes).join(" "))')"; fi

for scope in "${scopes[@]}"; do
  list "s.scopeNamed('${scope}')"
  read -r -a files <<<"$(list "console.log(s.mutatedFiles('${scope}').join(' '))")"
  n=0
  for file in "${files[@]}"; do
    n=$((n + 1))
    echo "== mutation: ${scope} ${n}/${#files[@]} ${file} ($(date -u +%H:%M:%S) UTC)"
    MUTATION_SCOPE="${scope}" MUTATION_FILE="${file}" nice -n 10 stryker run stryker.config.mjs
  done
  node scripts/mutation/score.mjs "${scope}"
done
