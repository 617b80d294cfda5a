#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# perf.sh [ARCH]: build tools/perf of the tree for the guest of ARCH
# (x86_64 unless told; arm64 is cross-compiled), statically, with a
# minimal feature set (no DWARF unwinding, no scripting): enough to record
# deferred callchains and print them symbolised. Only the perf binary:
# its dlfilter examples are shared objects, which LDFLAGS=-static cannot
# link. Incremental. The static libraries of both architectures are in
# the toolchain root (root-packages.txt).
. "$(dirname "$0")/lib.sh"
arch=${1:-x86_64}
kernel_arch_vars "$arch"

OUT=$BUILD/perf/$arch
mkdir -p "$OUT" "$LOGS"
log=$LOGS/perf-build-$arch.log
cross=()
[ "$arch" = x86_64 ] || cross=(ARCH="$KARCH" CROSS_COMPILE="$CROSS")
msg "building perf for the $arch guest (log: $log)"
if ! in_root make -C "$TREE/tools/perf" O="$OUT" -j"${JOBS:-3}" "${cross[@]}" \
	LDFLAGS=-static NO_LIBTRACEEVENT=1 NO_LIBPYTHON=1 NO_LIBPERL=1 \
	NO_JEVENTS=1 NO_LIBBPF=1 NO_BPF_SKEL=1 NO_LIBUNWIND=1 NO_LIBDW=1 \
	NO_SLANG=1 NO_GTK2=1 NO_LIBNUMA=1 NO_LIBCAP=1 NO_LIBBABELTRACE=1 \
	NO_LIBLLVM=1 NO_DEMANGLE=1 NO_LIBCRYPTO=1 NO_SHELLCHECK=1 \
	perf >"$log" 2>&1; then
	grep -E -m 20 'error|Error' "$log" >&2 || tail -n 30 "$log" >&2
	die "perf failed to build (log: $log)"
fi
[ -x "$OUT/perf" ] || die "no perf binary after the build (log: $log)"
