#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the kernel's checkpatch.pl --strict on every patch of the series.
# Errors fail; warnings and checks are printed for the author to judge.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/series.sh"

[ -x "$TREE/scripts/checkpatch.pl" ] || die "no build/linux; run 'make tree' first"
errors=0 warnings=0 n=0
for p in $(series_names); do
	n=$((n + 1))
	out=$(cd "$TREE" && in_root perl ./scripts/checkpatch.pl --strict --terse \
		--no-summary --show-types "$PATCHES/$p" 2>&1) || true
	e=$(printf '%s\n' "$out" | grep -c ': ERROR:' || true)
	w=$(printf '%s\n' "$out" | grep -c -E ': (WARNING|CHECK):' || true)
	errors=$((errors + e)) warnings=$((warnings + w))
	if [ -n "$out" ]; then
		printf '%s\n' "$out" | sed "s|$PATCHES/||"
	fi
done
msg "checkpatch --strict: $n patches, $errors errors, $warnings warnings/checks"
[ "$errors" = 0 ] || die "checkpatch found errors"
