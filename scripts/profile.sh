#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make profile: the timer-driven sampling test (unwind_profile), in both
# guests, in normal TCG and with one instruction per translation block,
# where samples can land on any instruction. Not part of make check: it
# boots each test kernel once more (about 10 minutes for both).
#
# The guests boot in normal TCG (booting with one instruction per block
# would take many times longer); guest/profile.sh runs the test, then asks
# for the switch with "@@@ profile-switch", and this script sends QEMU's
# HMP command "one-insn-per-tb on" through a monitor socket. Results:
# build/logs/ARCH-profile.log, summarised in build/logs/profile.txt.
. "$(dirname "$0")/lib.sh"
need_root "make profile"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"

summary=$LOGS/profile.txt
mkdir -p "$LOGS"
: >"$summary"

# hmp SOCKET COMMAND: one HMP command through QEMU's monitor socket
hmp() {
	python3 "$TOP/scripts/hmp.py" "$1" "$2"
}

# summarise ARCH LOG MODE: the test's own verdict and counts, one line
summarise() {
	local arch=$1 log=$2 mode=$3 body verdict
	body=$(sed -n "/^@@@ profile-begin $mode /,/^@@@ profile-end $mode /p" "$log")
	if [ -z "$body" ]; then
		echo "FAIL  $arch $mode: did not run (see $log)" >>"$summary"
		return
	fi
	verdict=FAIL
	grep -q '^ok 1 profile.timer_samples' <<<"$body" && verdict=PASS
	printf '%s  %s, %s: %s; %s; %s; %s\n' "$verdict" "$arch" "$mode" \
		"$(grep -o 'checked [0-9]*: .*' <<<"$body" | head -n 1)" \
		"$(grep -o 'right: .*' <<<"$body" | head -n 1)" \
		"$(grep -o 'ending at the caller of .*' <<<"$body" | head -n 1)" \
		"$(grep -o 'different instructions sampled .*' <<<"$body" | head -n 1)" \
		>>"$summary"
}

for arch in ${PROFILE_ARCHES:-x86_64 arm64}; do
	# x86_64 samples with the benchmark's kernel (configs/bench.config):
	# with one instruction per block, the test kernel's KASAN and kmemleak
	# made each sample cost so much that a minute gave 77 samples. The
	# initramfs is the test kernel's (this mode loads no module).
	variant=
	[ "$arch" != x86_64 ] || variant=bench
	"$TOP/scripts/build-kernel.sh" "$arch"
	"$TOP/scripts/initramfs.sh" "$arch"
	[ -z "$variant" ] || VARIANT=$variant "$TOP/scripts/build-kernel.sh" "$arch"

	mon=$BUILD/profile-$arch.mon
	log=$LOGS/$arch${variant:+-$variant}-profile.log
	rm -f "$mon" "$log"
	VARIANT=$variant QEMU_MONITOR=$mon QEMU_TIMEOUT=${QEMU_TIMEOUT:-2400} \
		"$TOP/scripts/run-qemu.sh" "$arch" profile &
	qemu=$!
	switched=
	while kill -0 $qemu 2>/dev/null; do
		if [ -z "$switched" ] && [ -f "$log" ] &&
		   grep -q '^@@@ profile-switch' "$log"; then
			msg "$arch: one-insn-per-tb on"
			hmp "$mon" "one-insn-per-tb on" >"$LOGS/$arch-profile-hmp.txt" ||
				msg "$arch: the monitor did not answer"
			switched=1
		fi
		sleep 1
	done
	wait $qemu || true
	rm -f "$mon"
	summarise "$arch${variant:+ ($variant kernel)}" "$log" normal
	summarise "$arch${variant:+ ($variant kernel)}" "$log" one-insn-per-tb
done

printf '\n=== make profile: timer-driven samples, checked\n'
cat "$summary"
! grep -q '^FAIL' "$summary" || die "make profile: some runs failed (above)"
