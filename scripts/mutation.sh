#!/usr/bin/env bash
# Mutation testing (issue 20): StrykerJS on each scope in turn, smallest first, or on the scopes
# named as arguments (`pnpm mutation money documents`), then the scope's score
# (scripts/mutation/score.mjs). Long, so not part of `pnpm test`; niced, one test runner unless
# MUTATION_CONCURRENCY says more, so that it can run beside others on a shared machine.
# Incremental: each file's results are kept in scripts/mutation/incremental/<scope>/ and only the
# mutants a change touched are run again. A file already measured gets a Stryker run of its own;
# files never measured go MUTATION_GROUP at a time (8 unless told) into one run, whose results are
# then split per file: the checker and the dry run of the scope's tests (30-60 s) start once for
# the group instead of once per file.
set -euo pipefail
cd "$(dirname "$0")/.."

list() { node --input-type=module -e "import * as s from './scripts/mutation/scopes.mjs'; $1"; }
group_size="${MUTATION_GROUP:-8}"
# The property tests run 100 times each instead of 300 (packages/domain/src/testing/property-runs.ts):
# a surviving mutant runs every property test that covers it, and those were most of the dossier's
# time. Fewer runs can only miss a kill, so the score stays a lower bound; 100 keeps the reference
# model's reach checks (a third of runs transmitted) six standard deviations clear of a false kill.
export MUTATION_PROPERTY_RUNS="${MUTATION_PROPERTY_RUNS:-100}"

if [ "$#" -gt 0 ]; then scopes=("$@"); else read -r -a scopes <<<"$(list 'console.log(Object.keys(s.scopes).join(" "))')"; fi

run_group() {
  local scope="$1"
  shift
  local results="reports/mutation/group-${scope}.json"
  mkdir -p reports/mutation
  rm -f "${results}"
  echo "== mutation: ${scope}, ${#} files never measured: $* ($(date -u +%H:%M:%S) UTC)"
  MUTATION_SCOPE="${scope}" MUTATION_FILES="$*" MUTATION_RESULTS="${results}" nice -n 10 stryker run stryker.config.mjs
  node scripts/mutation/split-results.mjs "${scope}" "${results}" "$@"
}

for scope in "${scopes[@]}"; do
  list "s.scopeNamed('${scope}')"
  read -r -a files <<<"$(list "console.log(s.mutatedFiles('${scope}').join(' '))")"
  unmeasured=()
  n=0
  for file in "${files[@]}"; do
    n=$((n + 1))
    # MUTATION_REMEASURE=1 measures every file afresh, in groups: after tests were added for many
    # files, cheaper than a forced run per file (one checker start and one dry run per group).
    if [ "${MUTATION_REMEASURE:-0}" = 1 ] || [ ! -e "$(list "console.log(s.incrementalFileOf('${scope}', '${file}'))")" ]; then
      unmeasured+=("${file}")
      continue
    fi
    # MUTATION_ONLY_UNMEASURED=1 leaves the files already measured as they are (no run of their own).
    [ "${MUTATION_ONLY_UNMEASURED:-0}" = 1 ] && continue
    echo "== mutation: ${scope} ${n}/${#files[@]} ${file} ($(date -u +%H:%M:%S) UTC)"
    MUTATION_SCOPE="${scope}" MUTATION_FILE="${file}" nice -n 10 stryker run stryker.config.mjs
  done
  for ((i = 0; i < ${#unmeasured[@]}; i += group_size)); do
    run_group "${scope}" "${unmeasured[@]:i:group_size}"
  done
  node scripts/mutation/score.mjs "${scope}"
done
