/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HARNESS_LINUX_LIMITS_H
#define _HARNESS_LINUX_LIMITS_H
#include <stdint.h>
#define U16_MAX	UINT16_MAX
#define U32_MAX	UINT32_MAX
#endif
