#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run-qemu.sh ARCH [MODE]: boot the ARCH test kernel with its initramfs
# under QEMU (TCG: there is no KVM here) and save the console log in
# build/logs/ARCH[-MODE].log. A watchdog turns a hang into a failure.
# MODE is "check" (default), "demo", "bench" or "profile"; the guest's
# init reads it. QEMU_MONITOR=PATH gives QEMU an HMP monitor on that unix
# socket (make profile switches TCG's mode through it). QEMU_APPEND adds
# arguments to the kernel's command line: with a MODE the guest does not
# know, for example "kunit", it runs only the KUnit suites, and
# QEMU_APPEND=kunit.filter_glob=stacktrace_reliable* picks some of them.
. "$(dirname "$0")/lib.sh"
arch=${1:?usage: run-qemu.sh ARCH [MODE]}
mode=${2:-check}
kernel_arch_vars "$arch"

# VARIANT=NAME boots the kernel of out/ARCH-NAME (see build-kernel.sh).
OUT=$BUILD/out/$arch${VARIANT:+-$VARIANT}
# Its own initramfs if initramfs.sh made one (modules must match), or the
# test kernel's.
img=$BUILD/guest/$arch${VARIANT:+-$VARIANT}.cpio.gz
[ -f "$img" ] || img=$BUILD/guest/$arch.cpio.gz
[ -f "$OUT/$KIMAGE" ] && [ -f "$img" ] || die "build the $arch kernel and initramfs first"
mkdir -p "$LOGS"
log=$LOGS/$arch${VARIANT:+-$VARIANT}.log
[ "$mode" = check ] || log=$LOGS/$arch${VARIANT:+-$VARIANT}-$mode.log

# Generous: TCG with lockdep and KASAN is slow, and the guest's own
# per-test timeout (guest.timeout) must fire before this one.
WATCHDOG=${QEMU_TIMEOUT:-1800}
append="panic=-1 loglevel=5 guest.mode=$mode guest.timeout=${GUEST_TEST_TIMEOUT:-900}"
append="$append${QEMU_APPEND:+ $QEMU_APPEND}"
case "$arch" in
# x86_64 without 5-level paging: once, a KASAN "wild-memory-access" in
# rcu_is_watching() hit an interrupt that came during identify_cpu() at
# boot, on an address of the 5-level direct map, before any code of the
# series had run (December 2, 2026). Off as a precaution: the cause is
# not known.
x86_64)	qemu=(qemu-system-x86_64 -M q35 -cpu max,la57=off -smp 2)
	append="console=ttyS0 $append" ;;
arm64)	qemu=(qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on -smp 2)
	append="console=ttyAMA0 $append" ;;
esac

[ -z "${QEMU_MONITOR:-}" ] ||
	qemu+=(-monitor "unix:$QEMU_MONITOR,server=on,wait=off")

msg "booting $arch under QEMU (watchdog ${WATCHDOG}s, log: $log)"
start=$(now)
set +e
in_root timeout -k 10 "$WATCHDOG" "${qemu[@]}" -m 1024 -nographic -no-reboot \
	-kernel "$OUT/$KIMAGE" -initrd "$img" -append "$append" \
	</dev/null >"$log" 2>&1
rc=$?
set -e
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
if [ $rc = 124 ] || [ $rc = 137 ]; then
	echo "@@@ watchdog: QEMU killed after ${WATCHDOG}s" >>"$log"
	msg "$arch: QEMU hit the ${WATCHDOG}s watchdog"
fi
msg "$arch: guest ran for $(($(now) - start))s (QEMU exit $rc)"
exit 0
