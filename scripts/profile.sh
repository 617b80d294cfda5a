#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make profile: the timer-driven sampling test (codectl's unwind_profile)
# in both guests with QEMU running one instruction per translation block
# (-accel tcg,one-insn-per-tb=on), so that timer samples land on every
# instruction, prologues and epilogues included, not only where
# translation blocks start, as they do in "make check". Much slower than
# the normal TCG run, hence a target of its own.
. "$(dirname "$0")/lib.sh"
need_root "make profile"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"

rc=0
for arch in x86_64 arm64; do
	"$TOP/scripts/build-kernel.sh" "$arch"
	"$TOP/scripts/initramfs.sh" "$arch"
	printf '\n=== timer-driven samples, %s guest, one instruction per block\n' "$arch"
	QEMU_TCG_OPTS=one-insn-per-tb=on QEMU_TIMEOUT=${QEMU_TIMEOUT:-5400} \
		"$TOP/scripts/run-qemu.sh" "$arch" profile
	log=$LOGS/$arch-profile.log
	sed -n '/^@@@ profile-begin/,/^@@@ profile-end/{/^@@@ profile-[be]/d;p}' "$log"
	if ! grep -q '^@@@ profile-rc 0$' "$log"; then
		echo "$arch: the timer-driven sampling test failed (see $log)"
		rc=1
	fi
done
exit $rc
