#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demonstration ("make"): build the x86_64 kernel with the series,
# boot it under QEMU and show, for a program built without frame
# pointers, the user stack perf gets with SFrame next to the one frame
# pointers alone give. The guest runs only the demonstration; "make
# check" runs the tests.
. "$(dirname "$0")/lib.sh"
need_root "make"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"
"$TOP/scripts/build-kernel.sh" x86_64
"$TOP/scripts/initramfs.sh" x86_64
"$TOP/scripts/run-qemu.sh" x86_64 demo

log=$LOGS/x86_64-demo.log
printf '\n--- the x86_64 guest (full console: %s)\n' "$log"
sed -n 's/^@@@ guest-start /booted: /p' "$log"
sed -n '/^@@@ demo-begin/,/^@@@ demo-end/{/^@@@/d;p}' "$log"
grep -q 'With SFrame: \([0-9]*\) of \1 frames right' "$log" ||
	die "the demonstration did not show a complete stack (see $log)"
