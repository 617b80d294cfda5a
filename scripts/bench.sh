#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The benchmarks ("make bench"), ratios rather than timings:
#  - the SFrame decoder in user space: lookups per second (host);
#  - user unwinding per frame with SFrame against frame pointers, on the
#    same stacks (unwind_bench) and in a timer-driven profile of 3000
#    functions (unwind_hot), and perf bytes per sample with deferred
#    callchains against DWARF stack copies: in the x86_64 guest, first
#    with a kernel without debugging options (the numbers that count),
#    then with the test kernel (KASAN, lockdep), whose checks weigh on
#    every user copy; then in the arm64 guest, with the arm64 kernel
#    without debugging options (configs/bench.config: no lockdep);
#  - what a traced system call costs in that guest with ftrace's user
#    stack options off, on and deferred, and with the options off against
#    the same kernel without the series' ftrace patches (its own build,
#    from a worktree of build/linux);
#  - the size of that arm64 kernel's SFrame table next to its text,
#    the time it takes to set up at boot, and what a lookup adds to the
#    step across an exception boundary (KUnit's stk_bench_sframe, TCG).
. "$(dirname "$0")/lib.sh"
need_root "make bench"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"

printf '\n=== SFrame decoder, user space\n'
"$TOP/scripts/sframe-harness.sh" bench

# The test kernel for the initramfs (its kselftest build), and the same
# kernel without its debugging options (configs/bench.config) to measure.
"$TOP/scripts/build-kernel.sh" x86_64
"$TOP/scripts/initramfs.sh" x86_64
VARIANT=bench "$TOP/scripts/build-kernel.sh" x86_64
# The bench kernels boot the test kernel's initramfs (run-qemu.sh), unless
# one was made for them: drop any such image left from other work, which
# would hold programs older than the tree.
rm -f "$BUILD/guest/x86_64-bench.cpio.gz" "$BUILD/guest/x86_64-bench-noftrace.cpio.gz"
for variant in bench ""; do
	name=${variant:-test}
	printf '\n=== user unwinding, x86_64 guest, %s kernel\n' "$name"
	# The test kernel runs unwind_bench alone: under KASAN and kmemleak,
	# ldso_bench's thousand dlopen() cycles and codectl_bench outlasted
	# the 1800 s watchdog (December 6, 2026).
	app=
	[ -n "$variant" ] || app=guest.bench=unwind
	QEMU_APPEND=$app VARIANT=$variant "$TOP/scripts/run-qemu.sh" x86_64 bench
	log=$LOGS/x86_64${variant:+-$variant}-bench.log
	[ "$log" = "$LOGS/x86_64-bench-$name.log" ] || cp "$log" "$LOGS/x86_64-bench-$name.log"
	sed -n '/^@@@ bench-begin/,/^@@@ bench-end/{/^@@@/d;p}' "$log"
	grep -q 'ratio SFrame / frame pointers' "$log" ||
		die "the guest benchmark did not report (see $log)"
done

# The bench kernel without the ftrace patches (the series up to the
# commit before the first of them): does a traced event cost the same
# with the options off?
printf '\n=== ftrace, x86_64 guest, bench kernel without the ftrace patches\n'
first=$(git -C "$TREE" log --format=%H --reverse \
	--grep='^tracing: Factor out the printing of a user space stack' base..HEAD | head -n 1)
[ -n "$first" ] || die "no ftrace patches in build/linux"
WT=$BUILD/linux-noftrace
git -C "$TREE" worktree remove --force "$WT" 2>/dev/null || rm -rf "$WT"
git -C "$TREE" worktree prune
git -C "$TREE" worktree add -q --detach "$WT" "$first^"
trap 'git -C "$TREE" worktree remove --force "$WT" 2>/dev/null || true' EXIT
KERNEL_TREE=$WT VARIANT=bench-noftrace VARIANT_CONFIG=bench \
	"$TOP/scripts/build-kernel.sh" x86_64
# Both kernels booted for the ftrace benchmark alone, one after the other
for variant in bench bench-noftrace; do
	VARIANT=$variant "$TOP/scripts/run-qemu.sh" x86_64 bench-ftrace
	log=$LOGS/x86_64-$variant-bench-ftrace.log
	printf -- '-- %s kernel\n' "$variant"
	sed -n '/^@@@ bench-begin/,/^@@@ bench-end/{/^@@@/d;p}' "$log"
done
for mode in off event; do
	with=$(sed -n "s/^ftrace-ns $mode \([0-9]*\) .*/\1/p" "$LOGS/x86_64-bench-bench-ftrace.log")
	without=$(sed -n "s/^ftrace-ns $mode \([0-9]*\) .*/\1/p" "$LOGS/x86_64-bench-noftrace-bench-ftrace.log")
	[ -n "$with" ] && [ -n "$without" ] ||
		die "the ftrace benchmark did not report (see $LOGS/x86_64-*-bench-ftrace.log)"
	awk -v m="$mode" -v a="$with" -v b="$without" 'BEGIN {
		printf "ftrace: ratio %s with the options off / without the ftrace patches: %.2f\n", m, a / b
	}'
done

# arm64: the test kernel without its debugging options (lockdep) too
VARIANT=bench "$TOP/scripts/build-kernel.sh" arm64
VARIANT=bench "$TOP/scripts/initramfs.sh" arm64
printf '\n=== user unwinding, arm64 guest, bench kernel\n'
QEMU_APPEND=guest.bench=unwind VARIANT=bench "$TOP/scripts/run-qemu.sh" arm64 bench
log=$LOGS/arm64-bench-bench.log
sed -n '/^@@@ bench-begin/,/^@@@ bench-end/{/^@@@/d;p}' "$log"
grep -q 'ratio SFrame / frame pointers' "$log" ||
	die "the arm64 guest benchmark did not report (see $log)"

printf '\n=== arm64 kernel SFrame table, bench kernel\n'
kernel_arch_vars arm64
in_root "${CROSS}size" -A "$BUILD/out/arm64-bench/vmlinux" |
	awk '$1 == ".text" { text = $2 } $1 == ".sframe" { sframe = $2 }
	     END {
		if (!text || !sframe)
			exit 1
		printf "arm64 vmlinux: .sframe %d bytes, .text %d bytes: %.1f %% of .text\n",
		       sframe, text, 100 * sframe / text
	     }' || die "the arm64 bench kernel has no .sframe section"
QEMU_APPEND=kunit.filter_glob=stacktrace_sframe.stk_bench_sframe VARIANT=bench \
	"$TOP/scripts/run-qemu.sh" arm64 kunit
log=$LOGS/arm64-bench-kunit.log
grep -q '^ *ok .* stk_bench_sframe' "$log" ||
	die "stk_bench_sframe failed (see $log)"
sed -n 's/.*sframe-bench \(.*\)/arm64 \1/p' "$log"
