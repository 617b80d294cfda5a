#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Flip one byte of an FRE data word (the CFA offset of the first FRE of
the middle function) in the .sframe section of an ELF file.

usage: corrupt.py IN OUT

The differential test must then fail: this is how the harness proves,
on every run, that it can.
"""
import struct
import sys

from elfsections import sections


def main():
    src, dst = sys.argv[1:]
    raw, secs = sections(src)
    if '.sframe' not in secs:
        sys.exit('%s: no .sframe section' % src)
    data = bytearray(raw)
    off = secs['.sframe'][1]
    version, = struct.unpack_from('<B', data, off + 2)
    aux, nfdes = struct.unpack_from('<BI', data, off + 7)
    fdeoff, freoff = struct.unpack_from('<II', data, off + 20)
    base = off + 28 + aux
    i = nfdes // 2
    if version == 2:
        fre_off, = struct.unpack_from('<I', data, base + fdeoff + i * 20 + 8)
        info = data[base + fdeoff + i * 20 + 16]
        fre = base + freoff + fre_off
    else:
        fre_off, = struct.unpack_from('<I', data, base + fdeoff + i * 16 + 12)
        info = data[base + freoff + fre_off + 2]
        fre = base + freoff + fre_off + 5
    addr_size = 1 << (info & 0xf)
    word0 = fre + addr_size + 1
    data[word0] ^= 0x10
    open(dst, 'wb').write(data)
    print('flipped bit 4 of the byte at file offset 0x%x (FDE %d, FRE 0, CFA offset)'
          % (word0, i))


if __name__ == '__main__':
    main()
