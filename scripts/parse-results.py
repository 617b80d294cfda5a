#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read guest console logs and print one line per test and suite.

usage: parse-results.py [--expected FILE] [--extra FILE] ARCH=LOG [ARCH=LOG ...]

Prints "PASS|FAIL|SKIP  ARCH  KIND  NAME" lines, then a closing line
"N passed, N failed, N skipped". Exits 1 when anything failed: a failed
test, an expected suite that never reported, a guest that did not finish,
or an oops, BUG, WARNING, KASAN/UBSAN report, lockdep splat or RCU stall
anywhere in the kernel's messages.
"""
import argparse
import re
import sys

RESULT = re.compile(r'^(not ok|ok) \d+ (.*?)(?:\s+#\s*(.*))?$')
# printk lines (CONFIG_PRINTK_TIME=y) may start mid-line when user output
# is interleaved; splats are only looked for in kernel messages.
KMSG = re.compile(r'\[\s*\d+\.\d+\]\s?(.*)$')
SPLATS = re.compile(
    r'(\bOops\b|\bBUG: |\bWARNING: |Kernel panic|\bKASAN\b|\bUBSAN\b'
    r'|Unable to handle kernel|Internal error:|general protection fault'
    r'|possible recursive locking|inconsistent lock state'
    r'|DEBUG_LOCKS_WARN_ON|rcu: INFO: .*stall|rcu_.* detected stalls?'
    r'|INFO: task .* blocked for more than|suspected memory leaks'
    r'|Call Trace:)')


def status_of(ok, directive):
    d = (directive or '').upper()
    if d.startswith('SKIP'):
        return 'SKIP'
    if d.startswith('TIMEOUT'):
        return 'FAIL'
    if ok == 'ok' or d.startswith('XFAIL') or d.startswith('TODO'):
        return 'PASS'
    return 'FAIL'


def section(lines, name):
    """Lines between "@@@ NAME-begin" and "@@@ NAME-end" (None if absent)."""
    out, inside, seen = [], False, False
    for line in lines:
        if line.startswith('@@@ %s-begin' % name):
            inside, seen = True, True
        elif line.startswith('@@@ %s-end' % name):
            inside = False
        elif inside:
            out.append(line)
    return out if seen else None


NOISE = re.compile(r'^(KTAP version|TAP version|1\.\.\d|# Subtest:|# module:'
                   r'|# Totals:|# [\w.-]+: pass:\d|# (PASSED|FAILED):'
                   r'|# Starting \d|#\s+RUN\s|#\s+OK\s|# overriding timeout'
                   r'|# timeout set)')


def diagnostic(line):
    """A line worth showing under a failure, or None."""
    text = line.strip()
    if not text or NOISE.match(text) or KMSG.match(line):
        return None
    return text


def node(name, st, diag, children=()):
    return {'name': name, 'status': st, 'diag': diag, 'children': list(children)}


def parse_kunit(lines):
    """KTAP from /sys/kernel/debug/kunit/*/results, as a tree.

    A result's children are the deeper-indented results printed just
    before it: suites hold test cases, parameterised cases hold one
    result per parameter. Returns the suites; each node carries the
    lines printed before its result (assertion messages) as diag.
    """
    stack, diag = [], []
    for line in lines:
        stripped = line.lstrip(' ')
        m = RESULT.match(stripped)
        if not m or KMSG.match(line):
            d = diagnostic(line)
            if d:
                diag.append(d)
            continue
        indent = len(line) - len(stripped)
        children = []
        while stack and stack[-1][0] > indent:
            children.insert(0, stack.pop()[1])
        stack.append((indent, node(m.group(2), status_of(m.group(1), m.group(3)),
                                   diag, children)))
        diag = []
    return [n for _, n in stack]


def parse_kselftest(lines):
    """run_kselftest.sh TAP: one node per program, its harness tests as children."""
    progs, cases, diag = [], [], []
    for line in lines:
        if line.startswith('# ') and not line.startswith('# #'):
            m = RESULT.match(line[2:])
            if m:
                cases.append(node(m.group(2), status_of(m.group(1), m.group(3)), diag))
                diag = []
                continue
        m = RESULT.match(line)
        if not m:
            d = diagnostic(re.sub(r'^(# )+', '', line))
            if d:
                diag.append(d)
            continue
        name = m.group(2)
        n = re.match(r'selftests: (\S+): (\S+)', name)
        if n:
            name = '%s:%s' % (n.group(1), n.group(2))
        progs.append(node(name, status_of(m.group(1), m.group(3)), diag, cases))
        cases, diag = [], []
    return progs


# perf test's result lines: " 22: Sample parsing     : Ok", maybe coloured
ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')
PERFTEST = re.compile(r'^\s*\d+(?:\.\d+)?: (.+?)\s*: (Ok|FAILED!|Skip.*)$')


def parse_perftest(lines):
    """perf test output: one node per test, its name with "_" for spaces."""
    tests, diag = [], []
    for line in lines:
        line = ANSI.sub('', line)
        m = PERFTEST.match(line)
        if not m:
            d = diagnostic(line)
            if d and not d.startswith(('=== Test Summary', 'Passed ', 'Skipped ',
                                       'Failed ')) and ': Running' not in d:
                diag.append(d)
            continue
        st = {'Ok': 'PASS', 'FAILED!': 'FAIL'}.get(m.group(2), 'SKIP')
        tests.append(node(m.group(1).replace(' ', '_'), st, diag))
        diag = []
    return tests


def load_expected(path, arch):
    want = []
    if not path:
        return want
    for raw in open(path):
        line = raw.split('#', 1)[0].strip()
        if not line:
            continue
        if re.match(r'^\w+:\s', line):
            only, line = line.split(':', 1)
            if only != arch:
                continue
        kind, name = line.split()
        want.append((kind, name))
    return want


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--expected')
    ap.add_argument('--summary', action='store_true',
                    help='one line per suite instead of one per test (failures in full)')
    ap.add_argument('--extra', action='append', default=[],
                    help='results of host-side stages, as PASS/FAIL/SKIP lines')
    ap.add_argument('logs', nargs='+', metavar='ARCH=LOG')
    args = ap.parse_args()

    counts = {'PASS': 0, 'FAIL': 0, 'SKIP': 0}
    problems = []

    suites = {}

    def report(st, arch, kind, name, count=True, diag=()):
        if not args.summary or st == 'FAIL':
            print('%-4s  %-6s  %-9s  %s' % (st, arch, kind, name))
            if st == 'FAIL':
                for d in list(diag)[-8:]:
                    print('      | ' + d)
        if count:
            counts[st] += 1
            key = (arch, kind, name.split('.')[0])
            suites.setdefault(key, {'PASS': 0, 'FAIL': 0, 'SKIP': 0})[st] += 1

    for spec in args.logs:
        arch, path = spec.split('=', 1)
        try:
            lines = open(path, errors='replace').read().splitlines()
        except OSError as e:
            problems.append('%s: no console log (%s)' % (arch, e))
            continue

        for no, line in enumerate(lines, 1):
            k = KMSG.search(line)
            if k and SPLATS.search(k.group(1)):
                problems.append('%s: kernel splat at %s:%d: %s'
                                % (arch, path, no, k.group(1).strip()))
            if line.startswith('@@@ watchdog'):
                problems.append('%s: %s' % (arch, line[4:]))
        if not any(l.startswith('@@@ guest-done') for l in lines):
            problems.append('%s: the guest never finished (crash or hang); '
                            'see the end of %s' % (arch, path))

        def walk(kind, n, prefix):
            """Report the leaves; a parent counts on its own only when it
            failed although none of its children did (a crash, a timeout,
            a failing init)."""
            name = prefix + n['name']
            for c in n['children']:
                walk(kind, c, name + '.')
            failed_child = any(c['status'] == 'FAIL' for c in n['children'])
            lone = not n['children'] or (n['status'] == 'FAIL' and not failed_child)
            report(n['status'], arch, kind, name, count=lone,
                   diag=n['diag'] if lone else ())

        seen = set()
        for kind, results in (('kunit', parse_kunit(section(lines, 'kunit') or [])),
                              ('kselftest', parse_kselftest(section(lines, 'kselftest') or [])),
                              ('perftest', parse_perftest(section(lines, 'perftest') or []))):
            for n in results:
                seen.add((kind, n['name']))
                walk(kind, n, '')

        for kind, name in load_expected(args.expected, arch):
            if (kind, name) not in seen:
                report('FAIL', arch, kind, name + ' (never reported)')

    for path in args.extra:
        try:
            extra = open(path).read().splitlines()
        except OSError as e:
            problems.append('no results from a host stage (%s)' % e)
            continue
        for line in extra:
            st = line[:4]
            if st in counts:
                print(line)
                counts[st] += 1

    if args.summary:
        for (arch, kind, suite), c in suites.items():
            print('%-6s  %-9s  %-28s %4d passed, %d failed, %d skipped'
                  % (arch, kind, suite, c['PASS'], c['FAIL'], c['SKIP']))
    for p in problems:
        print('FAIL  ' + p)
    counts['FAIL'] += len(problems)
    print('%d passed, %d failed, %d skipped'
          % (counts['PASS'], counts['FAIL'], counts['SKIP']))
    return 1 if counts['FAIL'] else 0


if __name__ == '__main__':
    sys.exit(main())
