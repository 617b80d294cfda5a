#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fetch the base kernel: Debian's linux-source-7.3 from trixie-backports.
#
# apt runs with a private configuration under build/apt, so the host's
# sources and package lists are never touched. The source tarball is
# cached in build/base; once there, no network is needed.
. "$(dirname "$0")/lib.sh"

PKG=linux-source-7.3
SUITE=trixie-backports
BASE=$BUILD/base
TARBALL=$BASE/$PKG.tar.xz

if [ -f "$TARBALL" ] && [ -f "$BASE/VERSION" ]; then
	msg "base kernel: $PKG $(cat "$BASE/VERSION") (cached)"
	exit 0
fi

APT=$BUILD/apt
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$BASE"
echo "deb $DEBIAN_MIRROR $SUITE main" >"$APT/sources.list"
apt_private() {
	apt-get -q -o Dir::Etc::sourcelist="$APT/sources.list" \
		-o Dir::Etc::sourceparts=/dev/null \
		-o Dir::State::Lists="$APT/lists" \
		-o Dir::Cache="$APT/cache" \
		-o Acquire::Check-Valid-Until=false \
		-o APT::Sandbox::User=root "$@"
}

apt_private update >/dev/null || die "apt-get update of $SUITE failed"
ver=$(apt_private -qq --print-uris download "$PKG" 2>/dev/null |
	sed -n "s/.*${PKG}_\([^_]*\)_all\.deb.*/\1/p" | head -n 1)
[ -n "$ver" ] ||
	die "$PKG is no longer in Debian $SUITE: the series needs a rebase onto the kernel Debian ships now"

rm -f "$BASE"/*.deb
(cd "$BASE" && apt_private -qq download "$PKG") || die "download of $PKG $ver failed"
deb=$(ls "$BASE"/${PKG}_*_all.deb)
msg "unpacking $(basename "$deb")"
dpkg-deb --fsys-tarfile "$deb" |
	tar -xO "./usr/src/$PKG.tar.xz" >"$TARBALL.tmp" ||
	die "$deb does not hold usr/src/$PKG.tar.xz"
mv "$TARBALL.tmp" "$TARBALL"
rm -f "$deb"
# Debian's package version, and the kernel version its Makefile states.
kver=$(tar -xJOf "$TARBALL" "$PKG/Makefile" |
	awk '/^VERSION/{v=$3} /^PATCHLEVEL/{p=$3} /^SUBLEVEL/{s=$3} END{print v"."p"."s}')
echo "$ver (Linux $kver)" >"$BASE/VERSION"
msg "base kernel: $PKG $(cat "$BASE/VERSION")"
