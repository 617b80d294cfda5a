#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demonstration ("make"): build the x86_64 kernel with the series,
# boot it under QEMU and show what the guest reports.
#
# Until the unwinding work lands, the demonstration is the guest's smoke
# run: KUnit results of the boot and the kselftests.
. "$(dirname "$0")/lib.sh"
need_root "make"
exclusive

"$TOP/scripts/toolchain.sh"
"$TOP/scripts/base.sh"
"$TOP/scripts/tree.sh"
"$TOP/scripts/build-kernel.sh" x86_64
"$TOP/scripts/initramfs.sh" x86_64
"$TOP/scripts/run-qemu.sh" x86_64 demo

log=$LOGS/x86_64-demo.log
printf '\n--- what the x86_64 guest reported (full console: %s)\n' "$log"
sed -n 's/^@@@ guest-start /booted: /p' "$log"
# One line per suite; failures in full.
"$TOP/scripts/parse-results.py" --summary --expected "$TOP/guest/expected" "x86_64=$log"
