#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the kernel's checkpatch.pl --strict on every patch of the series and
# on its cover letter.
# Errors fail; warnings and checks are printed for the author to judge.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/series.sh"

[ -f "$TREE/scripts/checkpatch.pl" ] || die "no build/linux; run 'make tree' first"
errors=0 warnings=0 n=0
for p in 0000-cover-letter.patch $(series_names); do
	n=$((n + 1))
	rc=0
	out=$(cd "$TREE" && in_root perl scripts/checkpatch.pl --strict --terse \
		--show-types "$PATCHES/$p" 2>&1) || rc=$?
	# checkpatch exits 0 for a clean patch (printing nothing: --terse is
	# quiet) and 1 when it found something, printing its summary line
	# "total: E errors, W warnings, C checks, ...". Anything else means
	# it did not run.
	case $rc in
	0)	;;
	1)	sum=$(printf '%s\n' "$out" |
			sed -n 's/^total: \([0-9]*\) errors, \([0-9]*\) warnings, \([0-9]*\) checks.*/\1 \2 \3/p')
		[ -n "$sum" ] || { printf '%s\n' "$out" >&2; die "checkpatch failed on $p"; }
		set -- $sum
		errors=$((errors + $1)) warnings=$((warnings + $2 + $3)) ;;
	*)	printf '%s\n' "$out" >&2
		die "checkpatch did not run on $p (exit $rc)" ;;
	esac
	printf '%s\n' "$out" | grep -v -e '^total:' -e '^$' | sed "s|$PATCHES/||" || true
done
msg "checkpatch --strict: $n patches, $errors errors, $warnings warnings/checks"
[ "$errors" = 0 ] || die "checkpatch found errors"
