#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make profile: the timer-driven sampling test (unwind_profile) twice, in
# normal TCG and with one instruction per translation block.
#
# QEMU takes interrupts only between translation blocks, so in normal TCG
# the samples land at the ends of blocks: mostly calls, returns and
# branches. With one instruction per block they can land on any
# instruction, prologues and epilogues included. The host switches QEMU
# to that mode (HMP "one-insn-per-tb on") when this script asks for it
# with the "@@@ profile-switch" line; the guest cannot be told, so it
# finds out itself: it times a fixed loop until the loop is at least
# twice as slow as before the request (the mode costs TCG several times
# that), and only then samples again.
prog=/kselftest/codectl/unwind_profile

# The uptime in milliseconds (busybox's date has no %N)
uptime_ms() {
	read -r up _ </proc/uptime
	echo $((${up%.*} * 1000 + (1${up#*.} - 100) * 10))
}

# Milliseconds one fixed loop of this shell takes
loop_ms() {
	t0=$(uptime_ms)
	i=0
	while [ $i -lt 50000 ]; do
		i=$((i + 1))
	done
	echo $(($(uptime_ms) - t0))
}

# run MODE SLOWDOWN SECONDS
run() {
	echo "@@@ profile-begin $1 (slowdown $2)"
	(cd /kselftest/codectl && UNWIND_PROFILE_SLOWDOWN=$2 \
		UNWIND_PROFILE_SECONDS=$3 ./unwind_profile) 2>&1
	echo "@@@ profile-end $1 rc=$?"
}

if [ ! -x $prog ]; then
	echo "@@@ profile: unwind_profile is missing from the initramfs"
	exit 0
fi

# perf lowers its sample rate for good when samples take long, as they do
# with one instruction per block: this counts the unwinder's answers, not
# perf's throttling.
echo 0 >/proc/sys/kernel/perf_cpu_time_max_percent

run normal 1 60

base=$(loop_ms)
echo "@@@ profile-switch (loop: $base ms)"
tries=0
while :; do
	ms=$(loop_ms)
	[ "$ms" -ge $((2 * base)) ] && break
	tries=$((tries + 1))
	if [ $tries -ge 60 ]; then
		echo "@@@ profile: one-insn-per-tb never took effect (loop: $ms ms)"
		exit 0
	fi
	sleep 1
done
# Samples must stay as far apart in instructions as they were: the test
# stretches its periods as much as the loop slowed down, and at least 20
# times (what the host does meanwhile skews the loop's times).
slowdown=$(((ms + base - 1) / base))
[ $slowdown -ge 20 ] || slowdown=20
echo "@@@ profile: one-insn-per-tb on (loop: $base ms, now $ms ms)"

# Each sample costs the kernel as many times more: sample for longer.
run one-insn-per-tb $slowdown 600
