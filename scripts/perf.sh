#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# perf.sh: build tools/perf of the tree for the x86_64 guest, statically,
# with a minimal feature set (no DWARF unwinding, no scripting): enough to
# record deferred callchains and print them symbolised. Only the perf
# binary: its dlfilter examples are shared objects, which LDFLAGS=-static
# cannot link. Incremental.
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/perf/x86_64
mkdir -p "$OUT" "$LOGS"
log=$LOGS/perf-build.log
msg "building perf for the x86_64 guest (log: $log)"
if ! in_root make -C "$TREE/tools/perf" O="$OUT" -j"${JOBS:-3}" \
	LDFLAGS=-static NO_LIBTRACEEVENT=1 NO_LIBPYTHON=1 NO_LIBPERL=1 \
	NO_JEVENTS=1 NO_LIBBPF=1 NO_BPF_SKEL=1 NO_LIBUNWIND=1 NO_LIBDW=1 \
	NO_SLANG=1 NO_GTK2=1 NO_LIBNUMA=1 NO_LIBCAP=1 NO_LIBBABELTRACE=1 \
	NO_LIBLLVM=1 NO_DEMANGLE=1 NO_LIBCRYPTO=1 NO_SHELLCHECK=1 \
	perf >"$log" 2>&1; then
	grep -E -m 20 'error|Error' "$log" >&2 || tail -n 30 "$log" >&2
	die "perf failed to build (log: $log)"
fi
[ -x "$OUT/perf" ] || die "no perf binary after the build (log: $log)"
