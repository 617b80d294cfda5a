/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for <linux/types.h>: what the SFrame decoder uses. */
#ifndef _HARNESS_LINUX_TYPES_H
#define _HARNESS_LINUX_TYPES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define __packed	__attribute__((__packed__))
#undef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#define __uninitialized
#endif
