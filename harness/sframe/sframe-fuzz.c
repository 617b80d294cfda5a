// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the kernel's SFrame decoder: the input is an
 * SFrame section. Build with clang -fsanitize=fuzzer,address,undefined:
 * any read outside the input, any undefined behaviour, any hang is a bug.
 *
 * For both ABIs the decoder accepts, it validates the header and the
 * whole section, then looks up PCs around every function start (the
 * first 64) and at the edges of the text the table covers, and checks
 * that what it returns is one of the documented answers.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "sframe_harness.h"

const u8 *sframe_harness_buf;

#define FUZZ_SEC_ADDR	0x10000UL

static void check(int ret)
{
	if (ret && ret != -ENOENT && ret != -EBADMSG && ret != -EOPNOTSUPP)
		abort();
}

/*
 * @valid: the whole table validated, so no lookup may find it corrupt:
 * validation and lookup must agree on what is well formed.
 */
static void lookup(const struct sframe_table *t, unsigned long pc, bool valid)
{
	struct sframe_frame frame;
	int ret = sframe_find(t, pc, &frame);

	check(ret);
	if (valid && ret == -EBADMSG)
		abort();
	/* Rules, or none for an outermost frame or a signal trampoline */
	if (!ret && !frame.outermost && frame.cfa.base != SFRAME_RULE_REG &&
	    !(frame.signal && frame.cfa.base == SFRAME_RULE_UNCHANGED))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const u8 abis[] = {
		SFRAME_ABI_AMD64_ENDIAN_LITTLE, SFRAME_ABI_AARCH64_ENDIAN_LITTLE,
	};
	struct sframe_table t;
	unsigned int a, i;
	int valid;

	sframe_harness_buf = data;
	for (a = 0; a < sizeof(abis); a++) {
		int ret = sframe_table_init(&t, FUZZ_SEC_ADDR, size, abis[a]);

		check(ret);
		if (ret)
			continue;
		valid = sframe_validate(&t);
		check(valid);
		for (i = 0; i < t.num_fdes && i < 64; i++) {
			unsigned long start;

			if (sframe_read_fde_start(&t, i, &start))
				break;
			lookup(&t, start - 1, !valid);
			lookup(&t, start, !valid);
			lookup(&t, start + 1, !valid);
			lookup(&t, start + 17, !valid);
		}
		lookup(&t, t.text_start, !valid);
		lookup(&t, t.text_end - 1, !valid);
		lookup(&t, t.text_end, !valid);
		if (!valid) {
			for (i = 0; i < 256; i++)
				lookup(&t, t.text_start + i * 7, true);
		}
	}
	return 0;
}
