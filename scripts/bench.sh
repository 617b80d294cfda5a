#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The benchmarks ("make bench"), ratios rather than timings:
#  - the SFrame decoder in user space: lookups per second (host);
#  - user unwinding per frame with SFrame against frame pointers, on the
#    same stacks, and perf bytes per sample with deferred callchains
#    against DWARF stack copies (x86_64 guest).
. "$(dirname "$0")/lib.sh"
need_root "make bench"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"

printf '\n=== SFrame decoder, user space\n'
"$TOP/scripts/sframe-harness.sh" bench

printf '\n=== user unwinding, x86_64 guest\n'
"$TOP/scripts/build-kernel.sh" x86_64
"$TOP/scripts/initramfs.sh" x86_64
"$TOP/scripts/run-qemu.sh" x86_64 bench
log=$LOGS/x86_64-bench.log
sed -n '/^@@@ bench-begin/,/^@@@ bench-end/{/^@@@/d;p}' "$log"
grep -q 'ratio SFrame / frame pointers' "$log" ||
	die "the guest benchmark did not report (see $log)"
