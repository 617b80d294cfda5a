#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test of the kernel's SFrame decoder against readelf.

usage: sframe-diff.py SFRAME_DUMP ELF[=REFERENCE] ...

For every byte address of every executable section of each ELF file, the
rules that `readelf --sframe` (binutils' libsframe, an independent
decoder) prints must equal what the kernel's decoder (sframe-dump)
returns. Prints the agreement per file; exits 1 on any disagreement.

With =REFERENCE, readelf reads REFERENCE instead: decoding a deliberately
corrupted copy against the rows of the original must then disagree.
"""
import bisect
import re
import struct
import subprocess
import sys

from elfsections import sections

FUNC = re.compile(r'func idx \[(\d+)\]: pc = (0x[0-9a-f]+), size = (\d+) bytes')
ROW = re.compile(r'^\s*([0-9a-f]{8,})\s+(.*)$')


def rep_sizes(data, sec):
    """Repeat size of each FDE, read from the raw section (V2 or V3)."""
    _, off, _, _ = sec
    magic, version, flags, abi, fp, ra, aux, nfdes, nfres, frelen, fdeoff, freoff = \
        struct.unpack_from('<HBBBbbBIIIII', data, off)
    base = off + 28 + aux
    reps = []
    for i in range(nfdes):
        if version == 2:
            reps.append(data[base + fdeoff + i * 20 + 17])
        else:
            fre_off, = struct.unpack_from('<I', data, base + fdeoff + i * 16 + 12)
            reps.append(data[base + freoff + fre_off + 4])
    return reps


def readelf_rows(path, default_ra):
    out = subprocess.run(['readelf', '--sframe', path], check=True,
                         capture_output=True, text=True).stdout
    funcs = []
    for line in out.splitlines():
        m = FUNC.search(line)
        if m:
            funcs.append({'pc': int(m.group(2), 16), 'size': int(m.group(3)),
                          'mask': False, 'rows': []})
            continue
        if 'STARTPC[m]' in line and funcs:
            funcs[-1]['mask'] = True
            continue
        m = ROW.match(line)
        if m and funcs:
            rest = m.group(2).split()
            if 'undefined' in m.group(2):
                rule = 'undefined'
            else:
                rule = ' '.join(rest[:3])
                # readelf shows a flexible FDE's RA padding word as "U"; by
                # the spec it selects the ABI's default rule, which readelf
                # writes "f" (AMD64, fixed slot) or "u" (AArch64, in LR).
                if rest[2].startswith('U'):
                    rule = ' '.join(rest[:2] + [rest[2].replace('U', default_ra)])
            funcs[-1]['rows'].append((int(m.group(1), 16), rule))
    return out, funcs


def expected(funcs, starts, reps, version, pc):
    i = bisect.bisect_right(starts, pc) - 1
    if i >= 0:
        f = funcs[i]
        if pc < f['pc'] + f['size']:
            if not f['rows']:
                return 'undefined' if version == 3 else '-'
            off = pc - f['pc']
            key = off % reps[i] if f['mask'] else pc
            rule = '-'
            for start, r in f['rows']:
                if start <= key:
                    rule = r
            return rule
    return '-'


def main():
    dump, files = sys.argv[1], sys.argv[2:]
    bad = 0
    for spec in files:
        path, _, ref = spec.partition('=')
        ref = ref or path
        data, secs = sections(ref)
        if '.sframe' not in secs:
            print('FAIL  %s: no .sframe section' % path)
            bad += 1
            continue
        version = data[secs['.sframe'][1] + 2]
        reps = rep_sizes(data, secs['.sframe'])
        aarch64 = struct.unpack_from('<H', data, 0x12)[0] == 183
        _, funcs = readelf_rows(ref, 'u' if aarch64 else 'f')
        starts = [f['pc'] for f in funcs]
        got = subprocess.run([dump, path], capture_output=True, text=True).stdout
        total = agree = 0
        shown = 0
        for line in got.splitlines():
            addr, _, rule = line.partition(' ')
            if addr == 'table':
                print('FAIL  %s: the decoder rejects the table: %s' % (path, line))
                total += 1
                break
            pc = int(addr, 16)
            want = expected(funcs, starts, reps, version, pc)
            total += 1
            if rule == want:
                agree += 1
            elif shown < 10:
                print('      %s: 0x%x: readelf "%s", decoder "%s"' % (path, pc, want, rule))
                shown += 1
        covered = sum(f['size'] for f in funcs)
        ok = total and agree == total
        print('%s  %s: %d/%d addresses agree (%d functions, %d bytes covered)'
              % ('PASS' if ok else 'FAIL', path, agree, total, len(funcs), covered))
        bad += 0 if ok else 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
