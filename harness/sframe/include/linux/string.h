/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HARNESS_LINUX_STRING_H
#define _HARNESS_LINUX_STRING_H
#include <string.h>

static inline void *memchr_inv(const void *p, int c, size_t n)
{
	const unsigned char *s = p;

	for (; n; n--, s++)
		if (*s != (unsigned char)c)
			return (void *)s;
	return NULL;
}
#endif
