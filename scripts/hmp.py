#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""hmp.py SOCKET COMMAND: send one HMP command to QEMU's monitor socket
(run-qemu.sh's QEMU_MONITOR) and print what the monitor answered."""
import socket
import sys
import time

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
s.settimeout(5)
s.sendall((sys.argv[2] + "\n").encode())
out = b""
end = time.time() + 5
while time.time() < end and out.count(b"(qemu)") < 2:
    try:
        data = s.recv(4096)
    except socket.timeout:
        break
    if not data:
        break
    out += data
s.close()
sys.stdout.write(out.decode(errors="replace"))
