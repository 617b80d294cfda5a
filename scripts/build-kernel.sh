#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# build-kernel.sh ARCH: configure and build the QEMU test kernel for ARCH
# out of tree in build/out/ARCH, inside the toolchain root, with ccache.
. "$(dirname "$0")/lib.sh"
arch=${1:?usage: build-kernel.sh ARCH}
kernel_arch_vars "$arch"

[ -e "$KTREE/.git" ] || die "no build/linux; run 'make tree' first"
# VARIANT=NAME builds into out/ARCH-NAME with configs/NAME.config last
# (VARIANT_CONFIG=NAME2: with configs/NAME2.config instead).
# KERNEL_TREE=DIR builds DIR (a worktree of build/linux) instead.
OUT=$BUILD/out/$arch${VARIANT:+-$VARIANT}
mkdir -p "$OUT" "$CCACHE_DIR" "$LOGS"
frags="$TOP/configs/common.config $TOP/configs/$arch.config"
fragment=${VARIANT_CONFIG:-${VARIANT:-}}
[ -z "$fragment" ] || frags="$frags $TOP/configs/$fragment.config"
for f in ${EXTRA_CONFIG:-}; do frags="$frags $f"; done

kmake() {
	in_root make -C "$KTREE" O="$OUT" ARCH="$KARCH" CROSS_COMPILE="$CROSS" \
		CC="ccache ${CROSS}gcc" HOSTCC="ccache gcc" "$@"
}

# Configure from scratch each time: tinyconfig, then the fragments. Kconfig
# only rewrites .config (and so only triggers rebuilds) when it changes.
cat $frags >"$OUT/fragments.config"
# What was asked of each option: its last line wins, as in merge_config.sh.
awk '{ k = $0 }
     /^CONFIG_/ { k = $0; sub(/=.*/, "", k) }
     /^# CONFIG_.* is not set/ { k = $2 }
     { last[k] = $0; if (!(k in seen)) { seen[k] = 1; order[n++] = k } }
     END { for (i = 0; i < n; i++) print last[order[i]] }' \
	"$OUT/fragments.config" >"$OUT/requested.config"
kmake -s tinyconfig >/dev/null
in_root "$KTREE/scripts/kconfig/merge_config.sh" -m -O "$OUT" "$OUT/.config" \
	"$OUT/fragments.config" >"$OUT/merge.log" 2>&1 ||
	{ cat "$OUT/merge.log" >&2; die "merging the config fragments failed"; }
kmake -s olddefconfig >/dev/null

# Every symbol the fragments set must have survived olddefconfig.
bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)	sym=${line%%=*}; val=${line#*=}
			got=$(grep -E "^$sym=" "$OUT/.config" | cut -d= -f2- || true)
			if [ "$got" != "$val" ]; then
				printf 'error: %s: %s=%s requested, got %s\n' "$arch" "$sym" "$val" "${got:-unset}" >&2
				bad=1
			fi ;;
	"# CONFIG_"*" is not set")
			sym=${line#\# }; sym=${sym%% *}
			if grep -qE "^$sym=" "$OUT/.config"; then
				printf 'error: %s: %s requested unset, got %s\n' "$arch" "$sym" \
					"$(grep -E "^$sym=" "$OUT/.config")" >&2
				bad=1
			fi ;;
	esac
done <"$OUT/requested.config"
[ $bad = 0 ] || die "$arch: config fragments did not apply (unmet dependencies?)"

log=$LOGS/build-$arch${VARIANT:+-$VARIANT}.log
in_root ccache -z >/dev/null
msg "building the $arch kernel (log: $log)"
if ! kmake -j"${JOBS:-3}" all >"$log" 2>&1; then
	grep -E -m 20 'error:|Error [0-9]|undefined reference' "$log" >&2 || tail -n 30 "$log" >&2
	die "$arch kernel build failed (log: $log)"
fi
if grep -E -q ': warning:' "$log"; then
	grep -E ': warning:' "$log" | sort -u | head -n 20 >&2
	msg "warning: the $arch build has compiler warnings (above)"
fi
[ -f "$OUT/$KIMAGE" ] || die "$arch: no $KIMAGE after the build"
rm -rf "$OUT/modinstall"
kmake -s INSTALL_MOD_PATH="$OUT/modinstall" INSTALL_MOD_STRIP=1 modules_install >/dev/null
msg "$arch kernel: $(in_root ccache -s 2>/dev/null | grep -E -i '^ *hits' | head -n 1 | tr -s ' ' || true)"
