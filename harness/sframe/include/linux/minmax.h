/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HARNESS_LINUX_MINMAX_H
#define _HARNESS_LINUX_MINMAX_H
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#endif
