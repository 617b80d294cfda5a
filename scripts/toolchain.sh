#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the Debian sid toolchain root under build/root.
#
# Everything that compiles, or runs a guest, runs inside this root: the
# host (Debian bookworm) has a binutils that cannot emit SFrame V3.
# The root is rebuilt only when the package list or this script changes.
. "$(dirname "$0")/lib.sh"
need_root "the toolchain root"

LIST=$TOP/scripts/root-packages.txt
STAMP=$ROOT/.codectl-root-stamp
want=$(cat "$LIST" "$0" | sha256sum | cut -d' ' -f1)

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
	msg "toolchain root: up to date ($ROOT)"
	exit 0
fi

native=$(grep -v -e '^#' -e '^guest ' -e '^$' "$LIST" | tr '\n' ' ')
guest=$(sed -n 's/^guest //p' "$LIST" | tr '\n' ' ')

if ! command -v debootstrap >/dev/null; then
	msg "installing debootstrap on the host (the only host package needed)"
	apt-get update -qq || die "host apt-get update failed"
	apt-get install -y -qq debootstrap || die "cannot install host package: debootstrap"
fi

tmp=$BUILD/root.new
rm -rf "$tmp"
mkdir -p "$BUILD"
msg "debootstrap sid into $tmp"
debootstrap --variant=minbase sid "$tmp" "$DEBIAN_MIRROR" >"$BUILD/debootstrap.log" 2>&1 ||
	{ tail -n 20 "$BUILD/debootstrap.log" >&2; die "debootstrap of Debian sid failed (log: $BUILD/debootstrap.log)"; }

cp /etc/resolv.conf "$tmp/etc/resolv.conf"
cat >"$tmp/usr/sbin/policy-rc.d" <<'EOT'
#!/bin/sh
exit 101
EOT
chmod +x "$tmp/usr/sbin/policy-rc.d"

# The archive reachable here may be a snapshot whose Release file has
# expired: do not let apt refuse it.
echo 'Acquire::Check-Valid-Until "false";' >"$tmp/etc/apt/apt.conf.d/99codectl"
echo 'APT::Install-Recommends "false";' >>"$tmp/etc/apt/apt.conf.d/99codectl"

troot() {
	unshare -m --propagation private -- /bin/sh -euc '
		root=$1; shift
		mount -t proc proc "$root/proc"
		mount --bind /dev "$root/dev"
		exec chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin \
			HOME=/root DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"
	' troot "$tmp" "$@"
}

troot dpkg --add-architecture arm64
troot apt-get update -qq || die "apt-get update inside the root failed"

msg "installing into the root: $native"
if ! troot apt-get install -y -qq $native >"$BUILD/root-apt.log" 2>&1; then
	tail -n 20 "$BUILD/root-apt.log" >&2
	for p in $native; do
		troot apt-cache show "$p" >/dev/null 2>&1 ||
			printf 'error: package not available in sid: %s\n' "$p" >&2
	done
	die "apt-get install inside the root failed (log: $BUILD/root-apt.log)"
fi

for arch in $ARCHES; do
	kernel_arch_vars "$arch"
	deb=amd64
	[ "$arch" = arm64 ] && deb=arm64
	dest=/opt/guest/$arch
	for p in $guest; do
		troot /bin/sh -ec "mkdir -p /tmp/dl $dest && cd /tmp/dl &&
			apt-get download -qq -o APT::Sandbox::User=root $p:$deb && dpkg -x ${p}_*_$deb.deb $dest &&
			rm -f ${p}_*_$deb.deb" ||
			die "cannot download guest package $p:$deb"
	done
	[ -x "$tmp$dest/usr/bin/busybox" ] || [ -x "$tmp$dest/bin/busybox" ] ||
		die "busybox for $arch missing after unpacking busybox-static:$deb"
done

troot apt-get clean
echo "$want" >"$tmp/.codectl-root-stamp"
rm -rf "$ROOT"
mv "$tmp" "$ROOT"

in_root as --version | head -n 1 >&2
in_root gcc --version | head -n 1 >&2
msg "toolchain root ready: $ROOT"
