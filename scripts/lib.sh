# SPDX-License-Identifier: GPL-2.0
# Common settings and helpers, sourced by every script in scripts/.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$TOP/build
ROOT=$BUILD/root		# the Debian sid toolchain root
TREE=$BUILD/linux		# the materialised kernel tree (git)
KTREE=${KERNEL_TREE:-$TREE}	# the tree build-kernel.sh builds
LOGS=$BUILD/logs
CCACHE_DIR=$BUILD/ccache
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

# Kernel architecture name, cross prefix and QEMU binary for each guest.
ARCHES="x86_64 arm64"

msg() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_root() {
	[ "$(id -u)" = 0 ] || die "$1 needs root (debootstrap, chroot and bind mounts)"
}

kernel_arch_vars() {
	case "$1" in
	x86_64)	KARCH=x86_64; CROSS=; KIMAGE=arch/x86/boot/bzImage ;;
	arm64)	KARCH=arm64; CROSS=aarch64-linux-gnu-; KIMAGE=arch/arm64/boot/Image ;;
	*)	die "unknown architecture '$1' (known: $ARCHES)" ;;
	esac
}

# need_sframe_kernel ARCH [OUT]: for the checks of a built kernel's objects
# (noinstr.sh, sframe-coverage.sh, sframe-leaf.sh): dies unless OUT
# (build/out/ARCH) holds a vmlinux built with the kernel's SFrame tables.
need_sframe_kernel() {
	local out=${2:-$BUILD/out/$1}
	[ -f "$out/vmlinux" ] || die "no $1 kernel in $out: run scripts/build-kernel.sh $1"
	grep -q '^CONFIG_UNWIND_KERNEL_SFRAME=y' "$out/.config" ||
		die "the $1 kernel is built without CONFIG_UNWIND_KERNEL_SFRAME"
}

# in_root CMD...: run CMD inside the toolchain root with the project bind
# mounted at the same path, so paths mean the same inside and outside.
# The mounts live in a private mount namespace: they vanish when the
# command exits, whatever the exit path. The working directory is kept
# when it lies inside the project.
in_root() {
	[ -x "$ROOT/usr/bin/gcc" ] || die "toolchain root missing: run scripts/toolchain.sh"
	mkdir -p "$ROOT$TOP"
	unshare -m --propagation private -- /bin/sh -euc '
		root=$1; top=$2; shift 2
		mount -t proc proc "$root/proc"
		mount --bind /dev "$root/dev"
		mount --bind "$top" "$root$top"
		exec chroot "$root" /usr/bin/env -i \
			PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
			HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" PYTHONDONTWRITEBYTECODE=1 \
			CCACHE_DIR="$CCACHE_DIR" CCACHE_MAXSIZE=5G \
			KBUILD_BUILD_TIMESTAMP="$KBUILD_BUILD_TIMESTAMP" \
			KBUILD_BUILD_USER=codectl KBUILD_BUILD_HOST=build \
			/bin/sh -c '"'"'cd "$0" 2>/dev/null || cd /; exec "$@"'"'"' "$PWD" "$@"
	' in_root "$ROOT" "$TOP" "$@"
}
export CCACHE_DIR
export KBUILD_BUILD_TIMESTAMP=${KBUILD_BUILD_TIMESTAMP:-2026-01-01}

# exclusive: hold build/.lock until the calling script exits, so that two
# pipelines in one checkout cannot build into the same directories. A
# script that a locked one runs (make check's glibc stage) is covered.
exclusive() {
	[ -z "${PIPELINE_LOCKED:-}" ] || return 0
	mkdir -p "$BUILD"
	exec 9>"$BUILD/.lock"
	flock -n 9 || die "another make or make check is running in this checkout"
	export PIPELINE_LOCKED=1
}

# Seconds since the epoch, for stage timing.
now() { date +%s; }
