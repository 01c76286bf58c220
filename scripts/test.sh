#!/usr/bin/env bash
# `npm test`: the type checks, the lint and the build side by side (they are independent, so on two cores
# they overlap), each one's output printed whole if it fails; then the test suite.
# Arguments go to vitest (`npm test -- tests/cli.test.ts`).
set -uo pipefail
cd "$(dirname "$0")/.."

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
names=(typecheck:src typecheck:web lint build)
pids=()
for name in "${names[@]}"; do
  npm run --silent "$name" >"$logs/$name" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!names[@]}"; do
  if wait "${pids[$i]}"; then
    echo "✓ ${names[$i]}"
  else
    echo "✗ ${names[$i]} failed:"
    cat "$logs/${names[$i]}"
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
rm -rf "$logs"
trap - EXIT
exec npx vitest run "$@"
