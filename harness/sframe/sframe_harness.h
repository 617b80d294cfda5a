/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's SFrame decoder (kernel/unwind/sframe_decoder.h), compiled
 * unchanged in user space: the section is a byte buffer, and its run-time
 * address is whatever the caller says (the ELF section's address, say).
 */
#ifndef SFRAME_HARNESS_H
#define SFRAME_HARNESS_H
#include <linux/types.h>
#include <string.h>

extern const u8 *sframe_harness_buf;

#define SFRAME_READ(t, off, dst, len) \
	(memcpy((dst), sframe_harness_buf + (off), (len)), 0)

#include "sframe_decoder.h"
#endif
