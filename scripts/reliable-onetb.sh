#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make reliable: arm64's reliable-stack-trace KUnit suites (stacktrace_*)
# with TCG translating one instruction per block. TCG takes interrupts
# only between translation blocks, so in make check's guest the suites'
# threads are preempted at block starts only; here every instruction can
# be interrupted. Not part of make check: the guest runs about seven
# minutes instead of half a minute. The switch is made as soon as QEMU's
# monitor answers, before the kernel boots. Console in
# build/logs/arm64-reliable.log; the script fails if a suite failed or
# did not report.
. "$(dirname "$0")/lib.sh"
need_root "make reliable"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"
"$TOP/scripts/build-kernel.sh" arm64
"$TOP/scripts/initramfs.sh" arm64

mon=$BUILD/reliable-arm64.mon
log=$LOGS/arm64-reliable.log
rm -f "$mon" "$log"
# "reliable" is no guest mode: the guest runs the KUnit suites only.
QEMU_MONITOR=$mon QEMU_TIMEOUT=${QEMU_TIMEOUT:-2400} \
	QEMU_APPEND='kunit.filter_glob=stacktrace_*' \
	"$TOP/scripts/run-qemu.sh" arm64 reliable &
qemu=$!
for _ in $(seq 100); do
	[ -S "$mon" ] && break
	sleep 0.1
done
python3 "$TOP/scripts/hmp.py" "$mon" "one-insn-per-tb on" >"$LOGS/arm64-reliable-hmp.txt" ||
	msg "arm64: the monitor did not answer"
rc=0
wait $qemu || rc=$?
rm -f "$mon"

printf '\n=== arm64 reliable stack traces, one instruction per translation block\n'
grep -o 'stk_[a-z_]*: [^,]*: [0-9]* walks.*' "$log" | awk '!seen[$0]++' || true
for suite in stacktrace_reliable stacktrace_reliable_module \
	     stacktrace_reliable_nocfi stacktrace_sframe; do
	if grep -q "^ok [0-9]* $suite\$" "$log"; then
		echo "PASS  $suite"
	else
		echo "FAIL  $suite (see $log)"
		rc=1
	fi
done
exit $rc
