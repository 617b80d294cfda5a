#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# glibc.sh [tree|export|build]: the GNU C library of the toolchain root
# (Debian sid's glibc-source) with the patches of glibc/ applied, whose
# ld.so registers every object it maps with codectl(2). make check runs
# "build" as a stage of its own (about 6 minutes from scratch, on 2 cores).
#
#   tree    build/glibc/tree: the upstream tarball (tag "base") plus
#           glibc/*.patch applied with git am; refuses to overwrite
#           commits that were not exported
#   export  write build/glibc/tree's commits back to glibc/
#   build   (default) tree if needed, then configure and build for
#           x86_64 in build/glibc/out-x86_64, and stage ld.so and
#           libc.so.6 in build/glibc/install-x86_64, which initramfs.sh
#           puts into the x86_64 guest for ldso_test
. "$(dirname "$0")/lib.sh"
need_root "make glibc"

G=$BUILD/glibc
GT=$G/tree
PATCHES=$TOP/glibc
cmd=${1:-build}

exported() {
	# Are the tree's commits those of glibc/?
	local tmp
	tmp=$(mktemp -d)
	git -C "$GT" format-patch -q --zero-commit --no-signature \
		--no-numbered -o "$tmp" base..HEAD
	diff -q <(cd "$tmp" && cat -- *.patch 2>/dev/null | grep -v '^Date: ') \
		<(cd "$PATCHES" && cat -- *.patch 2>/dev/null | grep -v '^Date: ') \
		>/dev/null
	local rc=$?
	rm -rf "$tmp"
	return $rc
}

make_tree() {
	if [ -d "$GT/.git" ]; then
		[ -z "$(git -C "$GT" status --porcelain)" ] ||
			die "build/glibc/tree has uncommitted changes"
		exported && { msg "build/glibc/tree: in sync with glibc/"; return; }
		[ "$(git -C "$GT" rev-list --count base..HEAD)" = 0 ] ||
			[ "${FORCE:-}" = 1 ] ||
			die "build/glibc/tree has commits that glibc/ lacks: 'scripts/glibc.sh export' first (or FORCE=1)"
	fi
	mkdir -p "$G"
	if ! ls "$G"/glibc-source_*.deb >/dev/null 2>&1; then
		msg "downloading glibc-source into build/glibc"
		in_root sh -c "cd '$G' && apt-get -q -o Acquire::Check-Valid-Until=false \
			download glibc-source" >"$G/download.log" 2>&1 ||
			die "glibc-source download failed (see $G/download.log)"
	fi
	rm -rf "$G/deb" "$GT"
	dpkg -x "$(ls "$G"/glibc-source_*.deb | tail -n 1)" "$G/deb"
	mkdir -p "$GT"
	tar -C "$GT" --strip-components=1 -xf "$G"/deb/usr/src/glibc/glibc-*.tar.xz
	rm -rf "$G/deb"
	git -C "$GT" init -q
	git -C "$GT" add -A
	git -C "$GT" -c user.name=base -c user.email=base@invalid \
		commit -q -m "glibc (Debian glibc-source, upstream tarball)"
	git -C "$GT" tag base
	if ls "$PATCHES"/*.patch >/dev/null 2>&1; then
		git -C "$GT" am -q "$PATCHES"/*.patch || die "glibc/ does not apply"
	fi
	msg "build/glibc/tree: $(git -C "$GT" rev-list --count base..HEAD) patch(es) on glibc"
}

export_tree() {
	[ -d "$GT/.git" ] || die "no build/glibc/tree"
	rm -f "$PATCHES"/*.patch
	mkdir -p "$PATCHES"
	git -C "$GT" format-patch -q --zero-commit --no-signature \
		-o "$PATCHES" base..HEAD
	msg "exported $(ls "$PATCHES"/*.patch | wc -l) patch(es) to glibc/"
}

build() {
	local out=$G/out-x86_64 inst=$G/install-x86_64 t0
	make_tree
	in_root sh -c 'command -v gawk >/dev/null' ||
		die "no gawk in the root (scripts/root-packages.txt): run scripts/toolchain.sh"
	mkdir -p "$out" "$LOGS"
	t0=$(now)
	if [ ! -f "$out/config.status" ]; then
		in_root sh -c "cd '$out' && ../tree/configure --prefix=/usr \
			--disable-werror --disable-nscd --disable-timezone-tools \
			--without-selinux CFLAGS='-O2 -g'" >"$LOGS/glibc-build.log" 2>&1 ||
			die "glibc configure failed (see $LOGS/glibc-build.log)"
	fi
	msg "building glibc for x86_64 (log: $LOGS/glibc-build.log)"
	in_root make -C "$out" -j3 >>"$LOGS/glibc-build.log" 2>&1 ||
		die "glibc build failed (see $LOGS/glibc-build.log)"
	rm -rf "$inst"
	mkdir -p "$inst"
	cp -L "$out/elf/ld.so" "$inst/ld-linux-x86-64.so.2"
	cp -L "$out/libc.so" "$inst/libc.so.6"
	msg "glibc built in $(($(now) - t0))s; ld.so and libc.so.6 in $inst"
}

case $cmd in
tree)	make_tree ;;
export)	export_tree ;;
build)	exclusive; build ;;
*)	die "usage: glibc.sh [tree|export|build]" ;;
esac
