#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bisect: does every patch of the series compile? For each commit of
# base..HEAD of build/linux, checked out in a scratch worktree, and for
# each architecture with its test kernel's configuration (make kernels
# first: build/out/ARCH/.config), compile every C file of the kernel that
# the series adds or changes, that this test kernel builds (its object is
# in build/out/ARCH), and that exists and is in its directory's Makefile
# at that commit, with warnings as errors. Object files only:
# a commit that calls a function which only a later one defines passes
# here (make check links the last commit). Results:
# build/logs/bisect.txt (a line per commit and architecture).
# BISECT_ARCHES picks the architectures, BISECT_FROM=N starts at the Nth
# patch (to resume; the results of that run are appended).
. "$(dirname "$0")/lib.sh"
need_root "make bisect"
# Its own lock: it builds only in build/bisect and build/out/bisect-*, so
# it may run while a guest of make check or make profile boots.
exec 8>"$BUILD/.bisect.lock"
flock -n 8 || die "another make bisect is running in this checkout"

[ -d "$TREE/.git" ] || die "no build/linux; run 'make tree' first"
WT=$BUILD/bisect
out=$LOGS/bisect.txt
from=${BISECT_FROM:-1}
mkdir -p "$LOGS"
[ "$from" != 1 ] || : >"$out"

# The kernel's C files the series touches, architecture code included
files=$(git -C "$TREE" diff --name-only base..HEAD -- '*.c' |
	grep -v -e '^tools/' -e '^samples/' -e '^scripts/' || true)
commits=$(git -C "$TREE" rev-list --reverse base..HEAD)

git -C "$TREE" worktree remove --force "$WT" 2>/dev/null || rm -rf "$WT"
git -C "$TREE" worktree prune
git -C "$TREE" worktree add -q --detach "$WT" base
trap 'git -C "$TREE" worktree remove --force "$WT" 2>/dev/null || true' EXIT

fail=0
for arch in ${BISECT_ARCHES:-x86_64 arm64}; do
	kernel_arch_vars "$arch"
	[ -f "$BUILD/out/$arch/.config" ] ||
		die "no $arch test kernel configuration: run make kernels first"
	OUT=$BUILD/out/bisect-$arch
	mkdir -p "$OUT"
	kmake() {
		in_root make -C "$WT" O="$OUT" ARCH="$KARCH" CROSS_COMPILE="$CROSS" \
			CC="ccache ${CROSS}gcc" HOSTCC="ccache gcc" KCFLAGS=-Werror "$@"
	}
	n=0
	for c in $commits; do
		n=$((n + 1))
		[ $n -ge "$from" ] || continue
		git -C "$WT" checkout -q --detach "$c"
		objs=()
		for f in $files; do
			# Only what this configuration builds at the last commit
			[ -f "$BUILD/out/$arch/${f%.c}.o" ] || continue
			[ -f "$WT/$f" ] || continue
			o=$(basename "${f%.c}.o")
			d=$(dirname "$f")
			grep -qs -F "$o" "$WT/$d/Makefile" "$WT/$d/Kbuild" || continue
			objs+=("${f%.c}.o")
		done
		cp "$BUILD/out/$arch/.config" "$OUT/.config"
		log=$LOGS/bisect-$arch-$n.log
		subject=$(git -C "$WT" log -1 --format=%s)
		if kmake -s olddefconfig >"$log" 2>&1 &&
		   kmake -j"${JOBS:-3}" "${objs[@]}" >>"$log" 2>&1; then
			printf 'PASS  %-7s %02d %s (%d files)\n' "$arch" $n "$subject" \
				${#objs[@]} >>"$out"
			rm -f "$log"
		else
			printf 'FAIL  %-7s %02d %s (log: %s)\n' "$arch" $n "$subject" "$log" >>"$out"
			grep -E -m 5 'error:|Error [0-9]' "$log" >&2 || tail -n 5 "$log" >&2
			fail=1
		fi
		tail -n 1 "$out"
	done
done
[ $fail = 0 ] || die "make bisect: some patches do not compile (above, and $out)"
msg "make bisect: every patch compiles ($out)"
