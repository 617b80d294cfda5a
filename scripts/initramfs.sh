#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh ARCH: build and install the kselftests for ARCH with the
# kernel's own selftest makefiles, and pack them with busybox, bash, the
# kernel's modules and guest/init into build/guest/ARCH.cpio.gz.
. "$(dirname "$0")/lib.sh"
arch=${1:?usage: initramfs.sh ARCH}
kernel_arch_vars "$arch"

# VARIANT=NAME: for the kernel of out/ARCH-NAME (its modules and the
# selftest modules built against it), into guest/ARCH-NAME.cpio.gz.
v=$arch${VARIANT:+-$VARIANT}
OUT=$BUILD/out/$v
[ -f "$OUT/$KIMAGE" ] || die "build the $arch kernel first"
STAGE=$BUILD/guest/$v
rm -rf "$STAGE"
mkdir -p "$STAGE"/{bin,etc,guest,kselftest} "$LOGS"

# Lines for one architecture only start with "ARCH: ".
list=$(grep -v -e '^#' -e '^[[:space:]]*$' "$TOP/guest/kselftests" |
	awk -v a="$arch" '/^[a-z0-9_]+: / { if ($1 == a ":") print $2; next } { print }')
targets=$(echo "$list" | cut -d: -f1 | sort -u | tr '\n' ' ')
log=$LOGS/kselftest-build-$v.log
msg "building kselftests for $arch: $targets(log: $log)"
# The selftests compile against the series' uapi headers, not the root's.
if ! in_root make -C "$TREE" ARCH="$KARCH" O="$OUT" headers >"$log" 2>&1; then
	tail -n 30 "$log" >&2
	die "uapi headers for $arch failed to install (log: $log)"
fi
# Static binaries: the guest has no C library. FORCE_TARGETS makes a
# selftest that does not build fail the pipeline instead of vanishing.
if ! in_root env LDFLAGS=-static make -C "$TREE/tools/testing/selftests" \
	ARCH="$KARCH" CROSS_COMPILE="$CROSS" CC="${CROSS}gcc" O="$OUT" \
	FORCE_TARGETS=1 TARGETS="$targets" KDIR="$OUT" \
	INSTALL_PATH="$STAGE/kselftest" install >>"$log" 2>&1; then
	grep -E -m 20 'error|Error' "$log" >&2 || tail -n 30 "$log" >&2
	die "kselftests for $arch failed to build (log: $log)"
fi

# perf for the guest: the perf checks of the codectl collection skip
# where it is missing.
"$TOP/scripts/perf.sh" "$arch"
in_root "${CROSS}strip" -o "$STAGE/bin/perf" "$BUILD/perf/$arch/perf"

# The loader and C library of make glibc (ld.so registers what it maps),
# for ldso_test, where they were built
if [ "$arch" = x86_64 ] && [ -f "$BUILD/glibc/install-x86_64/libc.so.6" ]; then
	cp -r "$BUILD/glibc/install-x86_64" "$STAGE/kselftest/codectl/glibc"
fi

# The sample JIT (samples/codectl), which the kernel build made; with
# its symbols, which perf names its C frames with
if [ -f "$OUT/samples/codectl/codectl-jit" ]; then
	cp "$OUT/samples/codectl/codectl-jit" "$STAGE/bin/codectl-jit"
fi

G=$ROOT/opt/guest/$arch
cp "$G/usr/bin/busybox" "$STAGE/bin/busybox"
ln -s busybox "$STAGE/bin/sh"
cp "$G/usr/bin/bash-static" "$STAGE/bin/bash"
cp "$TOP/guest/init" "$STAGE/init"
# insmod with kmod's messages, which the livepatch selftests compare
in_root "${CROSS}gcc" -static -O2 -Wall -o "$STAGE/bin/insmod-kmod" "$TOP/guest/insmod.c"
cp -r "$TOP/guest/." "$STAGE/guest/"
# What guest/init passes to run_kselftest.sh: -t for a program, -c for a
# whole collection. "COLLECTION:" lines are built and installed only.
echo "$list" | grep -v ':$' | sed -e '/:/s/^/-t /' -e '/^-t /!s/^/-c /' >"$STAGE/guest/kselftest-args"
# KUnit suites built as modules, which init loads (same "ARCH: " prefixes)
grep -v -e '^#' -e '^[[:space:]]*$' "$TOP/guest/kunit-modules" |
	awk -v a="$arch" '/^[a-z0-9_]+: / { if ($1 == a ":") print $2; next } { print }' \
	>"$STAGE/guest/kunit-modules"
chmod +x "$STAGE/init"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$STAGE/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$STAGE/etc/group"
# The dynamic loader and the C library of the root, for the tests that
# need shared libraries (codectl's unwind tests load one with dlopen()).
case $arch in
x86_64)	libs=$ROOT/lib/x86_64-linux-gnu libdir=lib/x86_64-linux-gnu
	loader=ld-linux-x86-64.so.2 loaderdir=lib64 ;;
arm64)	libs=$ROOT/usr/aarch64-linux-gnu/lib libdir=lib/aarch64-linux-gnu
	loader=ld-linux-aarch64.so.1 loaderdir=lib ;;
esac
mkdir -p "$STAGE/$libdir" "$STAGE/$loaderdir"
cp -L "$libs/libc.so.6" "$libs/$loader" "$STAGE/$libdir/"
ln -s "/$libdir/$loader" "$STAGE/$loaderdir/$loader"
# trace-cmd (Debian's) and the libraries it needs besides the C library,
# for ftrace_trace_cmd.sh
cp "$G/usr/bin/trace-cmd" "$STAGE/bin/trace-cmd"
for l in libtraceevent.so.1 libtracefs.so.1 libzstd.so.1 libz.so.1; do
	cp -L "$G/usr/$libdir/$l" "$STAGE/$libdir/"
done
if [ -d "$OUT/modinstall/lib" ]; then
	cp -a "$OUT/modinstall/lib" "$STAGE/"
fi

img=$BUILD/guest/$v.cpio.gz
in_root /bin/sh -c "cd '$STAGE' && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1 >'$img.tmp'"
mv "$img.tmp" "$img"
msg "$arch initramfs: $(du -h "$img" | cut -f1)"
