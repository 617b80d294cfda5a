#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make reliable: arm64's reliable-stack-trace KUnit suites (stacktrace_*),
# twice. First with TCG translating one instruction per block. TCG takes
# interrupts only between translation blocks, so in make check's guest the
# suites' threads are preempted at block starts only; here every
# instruction can be interrupted. The switch is made as soon as QEMU's
# monitor answers, before the kernel boots. Console in
# build/logs/arm64-reliable.log. Then with the callers of the SFrame
# lookup instrumented from boot: the function tracer, with a stack trace of
# each call, on stack_trace_save(), and a kprobe event with a stack trace
# on stack_trace_save_tsk_reliable(), whose traces cross the kprobe's
# exception (guest mode "traced", console in build/logs/arm64-traced.log,
# which also says how often each fired). Not part of make check: the two
# guests run about four minutes instead of half a minute. The script
# fails if a suite failed or did not report, or if the tracer or the
# kprobe never fired.
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
suites() {
	local suite
	for suite in stacktrace_reliable stacktrace_reliable_module \
		     stacktrace_reliable_nocfi stacktrace_reliable_uaccess \
		     stacktrace_reliable_neon stacktrace_sframe; do
		if grep -q "^ok [0-9]* $suite\$" "$1"; then
			echo "PASS  $suite"
		else
			echo "FAIL  $suite (see $1)"
			rc=1
		fi
	done
}
suites "$log"

tlog=$LOGS/arm64-traced.log
rm -f "$tlog"
QEMU_TIMEOUT=${QEMU_TIMEOUT:-2400} \
	QEMU_APPEND="kunit.filter_glob=stacktrace_* ftrace=function ftrace_filter=stack_trace_save trace_options=func_stack_trace,stacktrace kprobe_event=p:stk/rel,stack_trace_save_tsk_reliable" \
	"$TOP/scripts/run-qemu.sh" arm64 traced || rc=1
printf '\n=== arm64 reliable stack traces, the lookup'"'"'s callers traced and probed\n'
grep -o 'stk_[a-z_]*: [^,]*: [0-9]* walks.*' "$tlog" | awk '!seen[$0]++' || true
suites "$tlog"
hits=$(sed -n 's/^@@@ traced kprobe *rel *\([0-9]*\).*/\1/p' "$tlog")
stacks=$(sed -n 's/^@@@ traced stacks \([0-9]*\)/\1/p' "$tlog")
calls=$(sed -n 's/^@@@ traced functions \([0-9]*\)/\1/p' "$tlog")
echo "kprobe on stack_trace_save_tsk_reliable(): ${hits:-?} hits;" \
	"in the trace buffer: ${stacks:-?} event stack traces, ${calls:-?} traced calls of stack_trace_save()"
if [ "${hits:-0}" -gt 0 ] && [ "${stacks:-0}" -gt 0 ] && [ "${calls:-0}" -gt 0 ]; then
	echo "PASS  traced and probed"
else
	echo "FAIL  traced and probed: the kprobe or the tracer did not fire (see $tlog)"
	rc=1
fi
exit $rc
