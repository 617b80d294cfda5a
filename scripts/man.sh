#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# man.sh [check]: render the man page draft man/codectl.2 with man(1), as
# a reader of the man-pages project would. "check" writes a PASS or FAIL
# line to build/logs/man.txt (a warning from groff fails); without it, the
# page is shown.
. "$(dirname "$0")/lib.sh"
page=$TOP/man/codectl.2

if ! command -v man >/dev/null || ! command -v groff >/dev/null; then
	msg "installing man-db and groff-base on the host to render the page"
	apt-get install -y -qq man-db groff-base >/dev/null ||
		die "cannot install man-db and groff-base"
fi
if [ "${1:-}" != check ]; then
	exec man -l "$page"
fi

mkdir -p "$LOGS"
out=$LOGS/man.txt
warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=all -l "$page" 2>&1 >/dev/null)
lines=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null | wc -l)
if [ -z "$warn" ] && [ "$lines" -gt 100 ]; then
	echo "PASS  host    man        codectl.2 renders without warnings ($lines lines)" >"$out"
else
	printf '%s\n' "$warn" | head -n 20 >&2
	echo "FAIL  host    man        codectl.2: $(printf '%s' "$warn" | wc -l) warning line(s), $lines lines rendered" >"$out"
fi
cat "$out"
