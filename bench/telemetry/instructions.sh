#!/usr/bin/env bash
# Instructions per command handled, by telemetry mode, counted by valgrind (callgrind): a count
# that the machine's load does not change, unlike a timing. `node --jitless` so that the count
# does not depend on when the JIT kicks in; the child runs 100 then 300 streams (550 then 1,650
# commands, warm-up included) and the difference over the 1,100 commands between them takes out
# loading and start-up.
#
#   bash bench/telemetry/instructions.sh [modes...]   (default: absent api-without-sdk sdk-recording)
set -euo pipefail
cd "$(dirname "$0")/../.."
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(absent api-without-sdk sdk-recording)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

instructions() { # mode streams
  local preload=()
  [ "$1" = absent ] && preload=(--require ./bench/telemetry/hide-opentelemetry.cjs)
  # fp-ts from the kernel: bench/ need not have its own install for this.
  NODE_PATH=packages/eventsourcing/node_modules valgrind --tool=callgrind --callgrind-out-file="$out/$1-$2" \
    node --jitless "${preload[@]}" --import tsx bench/telemetry/overhead-child.ts "$1" "$2" \
    >/dev/null 2>"$out/$1-$2.log" || { cat "$out/$1-$2.log" >&2; exit 1; }
  awk '/^(summary|totals):/ { print $2; exit }' "$out/$1-$2"
}

# One run outside valgrind first: tsx compiles the sources once and caches them, else the first
# counted run pays the compilation and the difference comes out wrong (even negative).
for mode in "${modes[@]}"; do
  preload=()
  [ "$mode" = absent ] && preload=(--require ./bench/telemetry/hide-opentelemetry.cjs)
  NODE_PATH=packages/eventsourcing/node_modules node "${preload[@]}" --import tsx bench/telemetry/overhead-child.ts "$mode" 10 >/dev/null
done

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version)"
echo '| @opentelemetry/api | instructions per command | / absent |'
echo '|---|---:|---:|'
base=''
for mode in "${modes[@]}"; do
  small=$(instructions "$mode" 100)
  large=$(instructions "$mode" 300)
  per=$(((large - small) / 1100))
  [ -n "$base" ] || base=$per
  echo "| $mode | $per | $(awk -v a="$per" -v b="$base" 'BEGIN { printf "%.3f", a / b }') |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
