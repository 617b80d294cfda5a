#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The timer-driven sampling test alone (make profile), in a guest whose
# QEMU may run one instruction per translation block, so that the timer
# interrupts, and the samples, land on every instruction.
echo "@@@ profile-begin"
if [ -x /kselftest/codectl/unwind_profile ]; then
	cd /kselftest/codectl && CODECTL_REQUIRE_UNWIND=1 ./unwind_profile
	echo "@@@ profile-rc $?"
	cd /
else
	echo "unwind_profile is missing from the initramfs"
fi
echo "@@@ profile-end"
