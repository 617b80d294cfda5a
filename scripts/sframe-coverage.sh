#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# How much of the arm64 test kernel's C code its SFrame tables describe.
# GNU as drops the SFrame FDE of a function whose CFI it cannot express,
# with a warning that does not fail the build; such a function then has
# no rules, and a task interrupted in it gets no reliable trace. For every
# object compiled from C, this compares the functions of its symbol table
# with the FDEs of its .sframe section, and reports the objects with fewer
# FDEs than functions. A function of top-level assembly in a C file has no
# FDE by design, and a function without rules costs reliable traces, not
# correct ones (the step across an interrupt there is unreliable), so the
# difference is reported, not failed on; what fails is a kernel whose
# vmlinux has no FDE at all. Host programs (scripts/, tools/) are left out. Result in
# build/logs/sframe-coverage.txt (make check's summary reads it).
#
# usage: sframe-coverage.sh [arm64]
. "$(dirname "$0")/lib.sh"

arch=${1:-arm64}
kernel_arch_vars "$arch"
out=$BUILD/out/$arch
res=$LOGS/sframe-coverage.txt
mkdir -p "$LOGS"
: >"$res"
need_sframe_kernel "$arch"

# The objects of vmlinux and of the modules: those with a C source
list=$BUILD/sframe-coverage.list
(cd "$out" && find . \( -path ./scripts -o -path ./tools \) -prune -o \
	-name '*.o' ! -name '*.mod.o' ! -name '.*' -printf '%P\n') |
	while read -r o; do
		[ -f "$KTREE/${o%.o}.c" ] && echo "$o"
	done | LC_ALL=C sort >"$list"

# One pass in the toolchain root: "OBJECT FUNCTIONS FDES" per object
in_root /bin/sh -c '
	cd "$1" && while read -r o; do
		# distinct functions: an alias shares its target'"'"'s FDE
		f=$('"${CROSS}"'readelf -sW "$o" |
			awk "\$4 == \"FUNC\" && \$7 != \"UND\" { print \$7, \$2 }" |
			sort -u | wc -l)
		d=$('"${CROSS}"'readelf --sframe "$o" 2>/dev/null |
			sed -n "s/^ *Num FDEs: *\([0-9]*\).*/\1/p" | head -n 1)
		echo "$o $f ${d:-none}"
	done <"$2"' sh "$out" "$list" >"$BUILD/sframe-coverage.counts"
vmlinux_fdes=$(in_root "${CROSS}readelf" --sframe "$out/vmlinux" 2>/dev/null |
	sed -n 's/^ *Num FDEs: *\([0-9]*\).*/\1/p' | head -n 1)

awk -v res="$res" -v vfdes="${vmlinux_fdes:-0}" '
	{ objs++; funcs += $2 }
	$3 == "none" {
		if ($2) { notab++; notabf += $2; if (m < 40) nolist[m++] = $1 }
		next
	}
	{ fdes += $3 }
	$3 < $2 { short++; shortf += $2 - $3; if (n < 10) list[n++] = $1 " (" $2 - $3 ")" }
	END {
		msg = sprintf("arm64 SFrame coverage: %d C objects, %d functions, %d FDEs; " \
			      "%d objects have %d functions without an FDE; " \
			      "%d objects (%d functions) have no table; vmlinux: %d FDEs",
			      objs, funcs, fdes, short, shortf, notab, notabf, vfdes)
		print (vfdes > 0 ? "PASS" : "FAIL") "  host    sframe     " msg > res
		for (i = 0; i < n; i++)
			print "  fewer FDEs than functions: " list[i]
		for (i = 0; i < m; i++)
			print "  no table: " nolist[i]
	}' "$BUILD/sframe-coverage.counts"
cat "$res"
rm -f "$list"
grep -q '^PASS' "$res"
