#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The benchmark (make bench): SFrame against frame pointers per frame,
# perf bytes per sample, what the rtld-audit module costs start-up and
# dlopen(), and what registrations cost munmap(), fork() and exec(),
# measured in this guest. Ratios, not timings.
echo "@@@ bench-begin"
if [ -x /kselftest/codectl/unwind_bench ]; then
	cd /kselftest/codectl && ./unwind_bench 2000
	cd /
else
	echo "unwind_bench is missing from the initramfs"
fi
# What registering every library through the rtld-audit module costs
if [ -x /kselftest/codectl/ldso_bench ]; then
	cd /kselftest/codectl && ./ldso_bench 20 1000
	cd /
else
	echo "ldso_bench is missing from the initramfs"
fi
# What registrations cost munmap(), fork() and execve()
if [ -x /kselftest/codectl/codectl_bench ]; then
	cd /kselftest/codectl && ./codectl_bench 2000
	cd /
else
	echo "codectl_bench is missing from the initramfs"
fi
echo "@@@ bench-end"
