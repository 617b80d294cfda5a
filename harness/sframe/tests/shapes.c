// SPDX-License-Identifier: GPL-2.0
/* Frame shapes for the differential test, built with -fomit-frame-pointer. */
#include <stdarg.h>

#define NOINLINE __attribute__((noinline, noclone))

extern int ext(int);

NOINLINE int leaf(int a) { return a * 3 + 1; }
NOINLINE int big(int n) { volatile char b[70000]; b[n] = 1; return b[n / 2] + ext(n); }
NOINLINE int dyn(int n) { char *p = __builtin_alloca(n); p[0] = n; return ext(p[n - 1]); }
NOINLINE int aligned(int n)
{
	int __attribute__((aligned(64))) v[16];

	v[n & 15] = n;
	return ext(v[1]);
}
NOINLINE int vararg(int n, ...)
{
	va_list ap;
	int s = 0;

	va_start(ap, n);
	while (n--)
		s += va_arg(ap, int);
	va_end(ap);
	return ext(s);
}
NOINLINE int tail(int n) { if (n & 1) return leaf(n); return ext(n); }

int main(int argc, char **argv)
{
	(void)argv;
	return leaf(argc) + big(argc) + dyn(argc + 4) + aligned(argc) +
	       vararg(2, argc, 3) + tail(argc);
}
