#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The benchmark (make bench): SFrame against frame pointers per frame,
# perf bytes per sample, what the rtld-audit module costs start-up and
# dlopen(), and what registrations cost munmap(), fork() and exec(),
# measured in this guest. Ratios, not timings.

# What tracing a system call costs: getppid() through user_stack_chain's
# chain of frames without frame pointers, N calls a round, each mode in
# turn for 5 rounds; the median of each mode in nanoseconds per call:
#   off                   no event enabled
#   event                 syscalls:sys_enter_getppid, no stack option
#   userstacktrace        the same, with ftrace's synchronous user stack
#   userstacktrace_delay  the same, with the deferred user stack instead
# A kernel without userstacktrace_delay reports the other modes.
ftrace_bench() {
	chain=/kselftest/ftrace/user_stack_chain
	t=/sys/kernel/tracing
	calls=20000
	if [ ! -x $chain ]; then
		echo "user_stack_chain is missing from the initramfs"
		return
	fi
	[ -d $t/events ] || mount -t tracefs nodev $t
	if [ ! -d $t/events/syscalls/sys_enter_getppid ]; then
		echo "no syscall events in this kernel"
		return
	fi
	modes="off event userstacktrace"
	[ -f $t/options/userstacktrace_delay ] && modes="$modes userstacktrace_delay"
	echo 1 >$t/tracing_on
	rounds=
	for r in 1 2 3 4 5; do
		for m in $modes; do
			echo 0 >$t/options/userstacktrace
			[ ! -f $t/options/userstacktrace_delay ] ||
				echo 0 >$t/options/userstacktrace_delay
			echo 0 >$t/events/syscalls/sys_enter_getppid/enable
			echo >$t/trace
			if [ $m != off ]; then
				echo 1 >$t/events/syscalls/sys_enter_getppid/enable
				[ $m = event ] || echo 1 >$t/options/$m
			fi
			ns=$($chain --calls $calls --time | sed -n 's/^ns-per-call //p')
			rounds="$rounds $m=$ns"
		done
	done
	echo 0 >$t/options/userstacktrace
	[ ! -f $t/options/userstacktrace_delay ] ||
		echo 0 >$t/options/userstacktrace_delay
	echo 0 >$t/events/syscalls/sys_enter_getppid/enable
	echo >$t/trace
	for m in $modes; do
		all=$(for x in $rounds; do echo $x; done | sed -n "s/^$m=//p")
		med=$(echo "$all" | sort -n | sed -n 3p)
		echo "ftrace-ns $m $med (rounds: $(echo $all))"
		eval "med_$m=$med"
	done
	awk -v off="$med_off" -v ev="$med_event" -v us="$med_userstacktrace" \
	    -v ud="${med_userstacktrace_delay:-}" 'BEGIN {
		printf "ftrace: ratio event / no event: %.2f\n", ev / off
		printf "ftrace: ratio userstacktrace / event: %.2f\n", us / ev
		if (ud != "")
			printf "ftrace: ratio userstacktrace_delay / event: %.2f\n", ud / ev
	}'
}

echo "@@@ bench-begin"
if [ "${1:-}" = ftrace ]; then
	ftrace_bench
	echo "@@@ bench-end"
	exit 0
fi
if [ -x /kselftest/codectl/unwind_bench ]; then
	cd /kselftest/codectl && ./unwind_bench 2000
	cd /
else
	echo "unwind_bench is missing from the initramfs"
fi
# A timer-driven profile of 3000 functions (unwind_hot.c): the time the
# kernel takes to walk a sample's user stack (unwind_user(), timed by the
# function-graph tracer), per user frame, with SFrame (unwind_hot) against
# frame pointers (unwind_hot_fp); with the kernel's cache of rules as it
# is, emptied 1000 times a second, and emptied all the time.
hot_bench() {
	d=/kselftest/codectl
	t=/sys/kernel/tracing
	if [ ! -x $d/unwind_hot ] || [ ! -x $d/unwind_hot_fp ]; then
		echo "unwind_hot is missing from the initramfs"
		return
	fi
	[ -d $t/options ] || mount -t tracefs nodev $t
	if ! echo unwind_user >$t/set_ftrace_filter 2>/dev/null ||
	   ! echo function_graph >$t/current_tracer 2>/dev/null; then
		echo "profile: cannot time unwind_user() with the function-graph tracer"
		echo >$t/set_ftrace_filter
		return
	fi
	echo "timer-driven profile, 3000 functions, a sample per 250 us of CPU time;"
	echo "time per walk of unwind_user() (function-graph tracer, median):"
	for bin in unwind_hot unwind_hot_fp; do
		name=SFrame
		[ $bin = unwind_hot ] || name=FP
		for mode in cached churn1k cold; do
			echo 0 >$t/tracing_on
			echo >$t/trace
			echo 1 >$t/tracing_on
			$d/$bin $mode 5 >/tmp/hot-out
			echo 0 >$t/tracing_on
			# The median: a walk an interrupt hit takes its time
			awk '/unwind_user\(\);/ {
				for (i = 2; i <= NF; i++)
					if ($i == "us") print $(i - 1)
			}' $t/trace | sort -n >/tmp/hot-us
			set -- $(awk '{ v[NR] = $1 } END {
				printf "%.2f %d", NR ? v[int((NR + 1) / 2)] : 0, NR
			}' /tmp/hot-us)
			sed -n "s/^hot $mode \(.*\)/  $name $mode \1 walks $2 us-per-walk $1/p" /tmp/hot-out
			[ $bin$mode != unwind_hotcached ] ||
				sed -n 's/^hot index /profile: SFrame index /p' /tmp/hot-out
		done
	done >/tmp/hot-all
	echo nop >$t/current_tracer
	echo >$t/set_ftrace_filter
	cat /tmp/hot-all
	awk '$1 == "SFrame" || $1 == "FP" {
		# NAME MODE samples N chains C frames F walks W us-per-walk U
		per = $8 > 0 ? $12 / $8 : 0
		cost[$1, $2] = per
		printf "  %-6s %-8s %.2f us per frame\n", $1, $2, per
	}
	END {
		n = split("cached churn1k cold", m, " ")
		for (i = 1; i <= n; i++)
			if (cost["FP", m[i]] > 0)
				printf "profile: ratio SFrame / frame pointers per frame, %s: %.2f\n",
				       m[i], cost["SFrame", m[i]] / cost["FP", m[i]]
			else
				printf "profile: no result for %s\n", m[i]
	}' /tmp/hot-all
}
hot_bench

# guest.bench=unwind (the x86_64 test kernel, arm64): nothing more
if grep -q 'guest\.bench=unwind' /proc/cmdline; then
	echo "@@@ bench-end"
	exit 0
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
# What tracing a system call costs, with and without user stacks
ftrace_bench
echo "@@@ bench-end"
