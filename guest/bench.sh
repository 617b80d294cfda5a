#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The benchmark (make bench): SFrame against frame pointers per frame, and
# perf bytes per sample, measured in this guest. Ratios, not timings.
echo "@@@ bench-begin"
if [ -x /kselftest/codectl/unwind_bench ]; then
	cd /kselftest/codectl && ./unwind_bench 2000
	cd /
else
	echo "unwind_bench is missing from the initramfs"
fi
echo "@@@ bench-end"
