#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Merge gcov line counts of one source file over several programs.

usage: coverage.py SOURCE_NAME FILE.gcov ...

A line counts as covered when any program executed it. Prints the line
coverage, then every executable line no program reached.
"""
import sys


def main():
    name, files = sys.argv[1], sys.argv[2:]
    lines = {}
    for path in files:
        for raw in open(path, errors='replace'):
            count, _, rest = raw.partition(':')
            lineno, _, text = rest.partition(':')
            count, lineno = count.strip(), lineno.strip()
            if not lineno.isdigit() or int(lineno) == 0 or count == '-':
                continue
            hit = count not in ('#####', '=====')
            old = lines.get(int(lineno), (False, text))
            lines[int(lineno)] = (old[0] or hit, text)
    if not lines:
        print('coverage: no data for %s' % name)
        return 1
    covered = sum(1 for hit, _ in lines.values() if hit)
    print('coverage: %s: %d of %d lines (%.1f%%)'
          % (name, covered, len(lines), 100.0 * covered / len(lines)))
    for lineno in sorted(lines):
        hit, text = lines[lineno]
        if not hit:
            print('  not reached: %s:%d: %s' % (name, lineno, text.strip()))
    return 0


if __name__ == '__main__':
    sys.exit(main())
