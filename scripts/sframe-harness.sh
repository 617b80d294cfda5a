#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sframe-harness.sh [check | fuzz SECONDS | bench]
#
# The kernel's SFrame decoder (kernel/unwind/sframe_decoder.h of
# build/linux), compiled unchanged in user space inside the toolchain root:
#
#  check	the KUnit suite's cases; the differential test against
#		readelf --sframe on programs built with as --gsframe-3 for
#		x86_64 and aarch64 (one of 1200 functions); proof that a
#		corrupted copy fails it; line coverage of the decoder; and a
#		fuzzing smoke run (FUZZ_SECONDS, default 60).
#  fuzz N	libFuzzer with ASan and UBSan for N seconds.
#  bench	lookups per second on the 1200-function programs.
#
# Results go to build/logs/harness.txt as PASS/FAIL lines for the summary.
. "$(dirname "$0")/lib.sh"
mode=${1:-check}

H=$BUILD/harness
S=$TOP/harness/sframe
U=$TREE/kernel/unwind
[ -f "$U/sframe_decoder.h" ] || die "build/linux has no kernel/unwind/sframe_decoder.h"
mkdir -p "$H/src/linux" "$H/bin" "$H/cov" "$H/corpus" "$LOGS"
# Only the decoder's own files: the kernel's include/ must not shadow libc's.
ln -sf "$TREE/include/linux/sframe.h" "$H/src/linux/sframe.h"
for f in sframe_decoder.h sframe_test_cases.h sframe_kunit_vectors.h; do
	ln -sf "$U/$f" "$H/src/$f"
done
INC="-I$S/include -I$H/src -I$S"
CFLAGS="-Wall -Wextra -Wno-unused-function -Wno-unused-parameter -Wno-missing-field-initializers"
results=$LOGS/harness.txt
[ "$mode" = check ] && : >"$results"
result() { echo "$1  host    harness    $2" | tee -a "$results"; }

# Test programs: frame shapes, 1200 generated functions, a PLT, flexible FDEs.
programs() {
	local b=$H/bin
	python3 "$S/gen-funcs.py" 1200 >"$b/many.c"
	in_root /bin/sh -ec "
		cd '$b'
		for a in x86_64 aarch64; do
			cc=gcc; extra=
			[ \$a = aarch64 ] && cc=aarch64-linux-gnu-gcc extra=-mbranch-protection=standard
			\$cc -O2 -Wa,--gsframe-3 -shared -fPIC -o libext-\$a.so '$S/tests/ext.c'
			\$cc -O2 -fomit-frame-pointer \$extra -Wa,--gsframe-3 -o shapes-\$a '$S/tests/shapes.c' libext-\$a.so
			\$cc -O2 -fomit-frame-pointer \$extra -Wa,--gsframe-3 -o many-\$a many.c libext-\$a.so
		done
		gcc -Wa,--gsframe-3 -o drap-x86_64 '$S/tests/drap-x86_64.s'
	"
}

case "$mode" in
check)
	programs
	in_root /bin/sh -ec "
		cd '$H/cov' && rm -f *.gcda *.gcov
		gcc -O0 --coverage $CFLAGS $INC -o cases '$S/sframe-cases.c'
		gcc -O0 --coverage $CFLAGS $INC -o dump '$S/sframe-dump.c'
	"
	if in_root "$H/cov/cases" >"$H/cases.out"; then
		result PASS "sframe cases: $(tail -n 1 "$H/cases.out")"
	else
		cat "$H/cases.out"
		result FAIL "sframe cases: $(tail -n 1 "$H/cases.out")"
	fi
	bins=$(cd "$H/bin" && ls shapes-* many-x86_64 many-aarch64 drap-x86_64 libext-*.so | sed "s|^|$H/bin/|")
	in_root python3 "$S/sframe-diff.py" "$H/cov/dump" $bins >"$H/diff.out" || true
	{ grep -v '^PASS\|^FAIL' "$H/diff.out" || true; } | head -n 20
	sed -e "s|$H/bin/||" -e 's/^\(PASS\|FAIL\)  /\1  host    harness    sframe-diff /' \
		"$H/diff.out" | grep -E '^(PASS|FAIL)' | tee -a "$results"
	# The differential test must be able to fail: decode a copy with one
	# FRE byte flipped against readelf's rows of the original.
	in_root python3 "$S/corrupt.py" "$H/bin/many-x86_64" "$H/bin/many-corrupt" >/dev/null
	if in_root python3 "$S/sframe-diff.py" "$H/cov/dump" \
		"$H/bin/many-corrupt=$H/bin/many-x86_64" >"$H/corrupt.out"; then
		result FAIL "sframe-diff misses a flipped FRE byte"
	else
		result PASS "sframe-diff catches a flipped FRE byte ($(grep -o '[0-9]*/[0-9]* addresses agree' "$H/corrupt.out"))"
	fi
	in_root /bin/sh -ec "cd '$H/cov' && gcov -l -p -o . cases-sframe-cases.gcda >/dev/null 2>&1;
		gcov -l -p -o . dump-sframe-dump.gcda >/dev/null 2>&1" || true
	in_root python3 "$S/coverage.py" sframe_decoder.h "$H"/cov/*sframe_decoder.h.gcov |
		tee "$H/coverage.out"
	"$0" fuzz "${FUZZ_SECONDS:-60}"
	;;
fuzz)
	seconds=${2:?usage: sframe-harness.sh fuzz SECONDS}
	[ -x "$H/bin/shapes-x86_64" ] || programs
	in_root /bin/sh -ec "
		cd '$H'
		clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
			$INC -o bin/fuzz '$S/sframe-fuzz.c'
		gcc -O2 $CFLAGS $INC -o bin/cases '$S/sframe-cases.c'
		mkdir -p seeds && bin/cases --corpus seeds
		for b in bin/shapes-* bin/many-x86_64 bin/many-aarch64 bin/drap-x86_64; do
			oc=objcopy
			case \$b in *aarch64) oc=aarch64-linux-gnu-objcopy ;; esac
			\$oc -O binary --only-section=.sframe \$b seeds/\$(basename \$b).sframe
		done
	"
	log=$LOGS/fuzz.log
	if in_root /bin/sh -c "cd '$H' && bin/fuzz -max_total_time=$seconds -print_final_stats=1 \
		-timeout=10 -rss_limit_mb=2048 corpus seeds" >"$log" 2>&1; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
		result PASS "sframe-fuzz: ${seconds}s, $execs executions, $cov, corpus $(ls "$H/corpus" | wc -l) inputs"
	else
		grep -E -A 15 'ERROR|runtime error|deadly signal' "$log" | head -n 30
		result FAIL "sframe-fuzz: crash (log: $log; reproducer in $H)"
	fi
	;;
bench)
	programs
	in_root gcc -O2 $CFLAGS $INC -o "$H/bin/bench" "$S/sframe-bench.c"
	for a in x86_64 aarch64; do
		in_root "$H/bin/bench" "$H/bin/many-$a" | sed "s|$H/bin/||"
	done
	;;
*)
	die "usage: sframe-harness.sh [check | fuzz SECONDS | bench]"
	;;
esac
! grep -q '^FAIL' "$results"
