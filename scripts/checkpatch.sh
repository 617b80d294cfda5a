#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the kernel's checkpatch.pl --strict on every patch of the series.
# Errors fail; warnings and checks are printed for the author to judge.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/series.sh"

[ -f "$TREE/scripts/checkpatch.pl" ] || die "no build/linux; run 'make tree' first"
errors=0 warnings=0 n=0
for p in $(series_names); do
	n=$((n + 1))
	out=$(cd "$TREE" && in_root perl scripts/checkpatch.pl --strict --terse \
		--show-types "$PATCHES/$p" 2>&1) || true
	# The summary line proves checkpatch ran: "total: E errors, W warnings, C checks, ..."
	sum=$(printf '%s\n' "$out" | sed -n 's/^total: \([0-9]*\) errors, \([0-9]*\) warnings, \([0-9]*\) checks.*/\1 \2 \3/p')
	[ -n "$sum" ] || { printf '%s\n' "$out" >&2; die "checkpatch did not run on $p"; }
	set -- $sum
	errors=$((errors + $1)) warnings=$((warnings + $2 + $3))
	printf '%s\n' "$out" | grep -v -e '^total:' -e '^$' | sed "s|$PATCHES/||" || true
done
msg "checkpatch --strict: $n patches, $errors errors, $warnings warnings/checks"
[ "$errors" = 0 ] || die "checkpatch found errors"
