#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Are the assembly functions that say they are leaves really leaves?
# sym_leaf_func_start (arch/arm64/include/asm/unwind_cfi.h) gives a
# function one SFrame row for its whole length: the CFA is the SP and the
# return address is in the LR, the caller's frame pointer in x29. That is
# right only if no instruction of the function moves the SP, writes x29 or
# x30 or calls; a wrong row makes a wrong reliable stack trace, so this
# check fails the pipeline. It takes every function of the kernel's objects
# built from assembly whose FDE in vmlinux has that one row, disassembles
# it, and reports each instruction that breaks the rule. (Compiled C is
# left out: GCC describes its own code, and it may call a noreturn function
# from a leaf.) Result in build/logs/sframe-leaf.txt (make check's summary
# reads it).
#
# usage: sframe-leaf.sh [arm64]
. "$(dirname "$0")/lib.sh"

arch=${1:-arm64}
kernel_arch_vars "$arch"
out=$BUILD/out/$arch
res=$LOGS/sframe-leaf.txt
mkdir -p "$LOGS"
: >"$res"
need_sframe_kernel "$arch"

tmp=$BUILD/sframe-leaf.tmp
rm -rf "$tmp"
mkdir -p "$tmp"

# The functions defined by objects of vmlinux built from assembly
(cd "$out" && find . \( -path ./scripts -o -path ./tools \) -prune -o \
	-name '*.o' ! -name '.*' -printf '%P\n') |
	while read -r o; do
		if [ -f "$KTREE/${o%.o}.S" ]; then echo "$o"; fi
	done | LC_ALL=C sort >"$tmp/objs"
in_root /bin/sh -c '
	cd "$1" && while read -r o; do
		'"${CROSS}"'readelf -sW "$o" |
			awk -v o="$o" "\$4 == \"FUNC\" && \$7 != \"UND\" { print \$8, o }"
	done <"$2"' sh "$out" "$tmp/objs" >"$tmp/asm-funcs"
in_root "${CROSS}nm" --defined-only "$out/vmlinux" >"$tmp/vmlinux.nm"
in_root "${CROSS}readelf" --sframe "$out/vmlinux" >"$tmp/sframe"
in_root "${CROSS}objdump" -d --no-show-raw-insn "$out/vmlinux" >"$tmp/dis"

python3 - "$tmp" "$res" <<'EOF' && rc=0 || rc=$?
import bisect, re, sys

tmp, res = sys.argv[1], sys.argv[2]

# name -> object, for the functions of assembly objects
asm = {}
for line in open(tmp + "/asm-funcs"):
    name, obj = line.split()
    asm.setdefault(name, obj)

# vmlinux address -> names of text symbols there
names = {}
for line in open(tmp + "/vmlinux.nm"):
    w = line.split()
    if len(w) == 3 and w[1] in "tTwW":
        names.setdefault(int(w[0], 16), []).append(w[2])

# FDEs with exactly one row, CFA = SP + 0, FP and RA unchanged
leaves = []
fde = None
rows = []
def flush():
    if fde and len(rows) == 1 and rows[0] == ("sp+0", "u", "u"):
        leaves.append(fde)
for line in open(tmp + "/sframe"):
    m = re.match(r"\s*func idx \[\d+\]: pc = 0x([0-9a-f]+), size = (\d+) bytes", line)
    if m:
        flush()
        fde = (int(m.group(1), 16), int(m.group(2)))
        rows = []
        continue
    m = re.match(r"\s*[0-9a-f]{16}\s+(\S+)\s+(\S+)\s+(\S+)", line)
    if m and fde:
        rows.append(m.groups())
flush()

# Of those, the functions of assembly objects
checked = {}
for start, size in leaves:
    for n in names.get(start, []):
        if n in asm:
            checked[start] = (start + size, n, asm[n])
            break
starts = sorted(checked)

CALLS = {"bl", "blr", "blraa", "blraaz", "blrab", "blrabz"}
PAC = {"paciasp", "pacibsp", "autiasp", "autibsp", "paciaz", "pacibz",
       "autiaz", "autibz", "pacia1716", "xpaclri"}
# Instructions whose first operand is read, not written
READS = {"cmp", "cmn", "tst", "ccmp", "ccmn", "cbz", "cbnz", "tbz", "tbnz",
         "br", "braa", "brab", "braaz", "brabz", "ret", "prfm", "prfum"}
bad = []
insns = 0
for line in open(tmp + "/dis"):
    m = re.match(r"\s*([0-9a-f]+):\s+(\S+)\s*([^<;/]*)", line)
    if not m:
        continue
    addr = int(m.group(1), 16)
    i = bisect.bisect_right(starts, addr) - 1
    if i < 0 or addr >= checked[starts[i]][0]:
        continue
    insns += 1
    mn, ops = m.group(2), [o.strip() for o in m.group(3).split(",")]
    why = None
    if mn in CALLS:
        why = "calls"
    elif mn in PAC:
        why = "signs or authenticates x30"
    elif "[sp" in m.group(3) and ("]!" in m.group(3) or re.search(r"\[sp\],", m.group(3))):
        why = "moves the SP"
    elif mn.startswith(("ldp", "ldnp", "ldaxp", "ldxp")) and set(ops[:2]) & {"x29", "x30", "sp"}:
        why = "writes " + "/".join(o for o in ops[:2] if o in ("x29", "x30", "sp"))
    elif (mn not in READS and not mn.startswith("st") and
          ops[0] in ("x29", "w29", "x30", "w30", "sp", "wsp")):
        why = "writes " + ops[0]
    if why:
        end, name, obj = checked[starts[i]]
        bad.append("%s (%s) +0x%x: %s %s: %s" % (name, obj, addr - starts[i], mn,
                                                  m.group(3).strip(), why))

msg = ("arm64 SFrame leaves: %d assembly functions described as leaves, %d instructions, "
       "%d that break the description" % (len(starts), insns, len(bad)))
with open(res, "w") as f:
    print(("PASS" if not bad and starts else "FAIL") + "  host    sframe     " + msg, file=f)
    for b in bad[:40]:
        print("  " + b, file=f)
sys.exit(1 if bad or not starts else 0)
EOF
cat "$res"
rm -rf "$tmp"
exit "$rc"
