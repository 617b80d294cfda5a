#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# arm64 has no objtool, so nothing checks its noinstr code at build time.
# This checks the part the series adds to the stack unwinder, in the
# arm64 test kernel's objects: that every function of an SFrame lookup
# (kernel/unwind/sframe_kernel.o, and __module_address() with mod_find())
# is in .noinstr.text, and that the .noinstr.text of those objects and of
# arch/arm64/kernel/stacktrace.o calls nothing outside .noinstr.text but
# the few functions listed below with the reason. Results go to
# build/logs/noinstr.txt, which make check's summary reads.
#
# VARIANT=NAME checks build/out/ARCH-NAME instead (build-kernel.sh's
# variants), into build/logs/noinstr-NAME.txt: VARIANT=sanitize is the
# test kernel with KCSAN and KCOV, whose hooks must not be called either.
#
# usage: noinstr.sh [arm64]
. "$(dirname "$0")/lib.sh"

arch=${1:-arm64}
kernel_arch_vars "$arch"
out=$BUILD/out/$arch${VARIANT:+-$VARIANT}
res=$LOGS/noinstr${VARIANT:+-$VARIANT}.txt
mkdir -p "$LOGS"
: >"$res"
need_sframe_kernel "$arch" "$out"

objs="kernel/unwind/sframe_kernel.o kernel/module/main.o
      kernel/module/tree_lookup.o arch/arm64/kernel/stacktrace.o"
tmp=$BUILD/noinstr${VARIANT:+-$VARIANT}.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
in_root "${CROSS}nm" --defined-only "$out/vmlinux" >"$tmp/vmlinux.nm"
for o in $objs; do
	[ -f "$out/$o" ] || die "missing $out/$o"
	f=$tmp/$(echo "$o" | tr / _)
	in_root "${CROSS}objdump" -t "$out/$o" >"$f.syms"
	# (an object without .noinstr.text is reported below)
	in_root "${CROSS}objdump" -dr -j .noinstr.text "$out/$o" >"$f.dis" 2>/dev/null ||
		: >"$f.dis"
done

python3 - "$tmp" "$res" $objs <<'EOF' && rc=0 || rc=$?
import re, sys

tmp, res, objs = sys.argv[1], sys.argv[2], sys.argv[3:]

# What the lookup calls out of line, whichever of them the compiler kept
# out of line (clones are named NAME.isra.N and the like)
LOOKUP = {'sframe_kernel_find', 'sframe_find', 'sframe_find_fde',
          'sframe_read_fde_start', 'sframe_read_fde', 'sframe_read_fre',
          'sframe_decode_fre', 'sframe_decode_flex', 'sframe_flex_pair',
          'sframe_default_ra', 'sframe_default_fp',
          '__module_address', 'mod_find'}
REQUIRED = {'sframe_kernel_find', '__module_address'}

# Calls out of arch_stack_walk*() that are not the SFrame lookup's, with
# why they are let through (only in stacktrace.o). Those marked 7.3 are
# the base kernel's: its stacktrace.o, built with this configuration,
# makes the same calls (checked by hand, December 2026: GCC 16, -Os).
KNOWN = {
    'ftrace_graph_ret_addr': '7.3, fgraph return address recovery',
    'kretprobe_find_ret_addr': '7.3, kretprobe return address recovery',
    'unwind_find_stack': '7.3, a static function of stacktrace.o',
    'stackinfo_get_irq': '7.3, an inline function kept out of line',
    'stackinfo_get_overflow': '7.3, an inline function kept out of line',
    'memset': "7.3, arch_stack_walk()'s stacks[] initialiser",
    'preempt_schedule_notrace': 'preempt_enable_notrace(): notrace by design',
    # Only in the sanitize build (KCSAN, KCOV), where GCC inlines less;
    # 7.3's code, not compared with a 7.3 build of that configuration
    'stackinfo_get_task': '7.3, an inline function kept out of line (KCOV/KCSAN)',
    'stackinfo_get_unknown': '7.3, an inline function kept out of line (KCOV/KCSAN)',
    'arch_bpf_unwind_consume_entry':
        "7.3, arch_bpf_stack_walk()'s consumer, as consume_entry is arch_stack_walk()'s",
}

vmlinux = {}
for line in open(f'{tmp}/vmlinux.nm'):
    f = line.split()
    if len(f) == 3:
        vmlinux.setdefault(f[2], int(f[0], 16))
lo, hi = vmlinux['__noinstr_text_start'], vmlinux['__noinstr_text_end']

results = []
def report(ok, msg):
    results.append(('PASS' if ok else 'FAIL') + '  host    noinstr    ' + msg)

seen = set()
for o in objs:
    base = f'{tmp}/' + o.replace('/', '_')
    funcs = {}
    for line in open(base + '.syms'):
        m = re.match(r'^[0-9a-f]+ (.{7}) (\S+)\s+[0-9a-f]+ (\S+)$', line)
        if m and 'F' in m.group(1):
            funcs[m.group(3)] = m.group(2)
    for name, sec in sorted(funcs.items()):
        if name.split('.')[0] not in LOOKUP:
            continue
        seen.add(name.split('.')[0])
        report(sec == '.noinstr.text', f'{o}: {name} in {sec}')
    bad, known = [], set()
    for line in open(base + '.dis'):
        m = re.search(r'R_AARCH64_(?:CALL26|JUMP26)\s+(\S+)', line)
        if not m:
            continue
        target = re.sub(r'[+-]0x[0-9a-f]+$', '', m.group(1))
        if target == '.noinstr.text' or funcs.get(target) == '.noinstr.text':
            continue
        if target in vmlinux and lo <= vmlinux[target] < hi:
            continue
        base_name = target.split('.')[0]
        if o == 'arch/arm64/kernel/stacktrace.o' and base_name in KNOWN:
            known.add(base_name)
        else:
            bad.append(target)
    msg = f'{o}: .noinstr.text calls nothing outside it'
    if known:
        msg += ' but ' + ', '.join(f'{k} ({KNOWN[k]})' for k in sorted(known))
    if bad:
        msg = f'{o}: .noinstr.text calls ' + ', '.join(sorted(set(bad)))
    report(not bad, msg)
for name in sorted(REQUIRED - seen):
    report(False, f'{name}: no such function in the objects')
open(res, 'w').write('\n'.join(results) + '\n')
print('\n'.join(results))
sys.exit(any(r.startswith('FAIL') for r in results))
EOF
rm -rf "$tmp"
exit $rc
