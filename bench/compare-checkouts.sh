#!/usr/bin/env bash
# Usage: bench/compare-checkouts.sh BEFORE_DIR AFTER_DIR [ROUNDS] [WORKLOADS]
# Runs the same workloads of our library from two checkouts of this repository, taking turns
# round by round (before, after, then after, before, ...) so that a load that changes during the
# run weighs on both alike, and prints each round's figures side by side. Each checkout needs its
# own `pnpm install` and `npm --prefix bench install`.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd)
rounds=${3:-4}; workloads=${4:-W1,W1-FULL}
out=$(mktemp -d)
run() { # checkout label round
  (cd "$1/bench/.." && npx tsx bench/run.ts --only="$workloads" --targets=ours --repetitions=1 \
    --out="$out/$2-$3.md" > /dev/null)
  grep -E '^\| W1' "$out/$2-$3.md" | grep -E 'commands/s|events/s' | sed "s/^/$2 round $3 /" | head -n 8
}
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then run "$before" before "$round"; run "$after" after "$round";
  else run "$after" after "$round"; run "$before" before "$round"; fi
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
