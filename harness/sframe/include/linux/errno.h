/* SPDX-License-Identifier: GPL-2.0 */
/* glibc's <bits/errno.h> includes <linux/errno.h>: forward to the uapi one. */
#include <asm/errno.h>
