#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demonstration (make): a user stack of code built without frame
# pointers, as the kernel gives it to perf with SFrame and without.
echo "@@@ demo-begin"
echo
echo "=================================================================="
if [ -x /kselftest/codectl/unwind_demo ]; then
	cd /kselftest/codectl && ./unwind_demo
	cd /
else
	echo "unwind_demo is missing from the initramfs"
fi
echo "=================================================================="
echo
echo "@@@ demo-end"
