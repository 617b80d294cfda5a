# SPDX-License-Identifier: GPL-2.0
"""Section headers of a 64-bit little-endian ELF file, for the harness."""
import struct


def sections(path):
    """(file bytes, {name: (address, file offset, size, flags)})."""
    data = open(path, 'rb').read()
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    hdrs = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
            for i in range(shnum)]
    stroff = hdrs[shstrndx][4]
    out = {}
    for h in hdrs:
        name = data[stroff + h[0]:data.index(b'\0', stroff + h[0])].decode()
        out[name] = (h[3], h[4], h[5], h[2])
    return data, out
