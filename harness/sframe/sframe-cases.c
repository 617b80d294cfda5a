// SPDX-License-Identifier: GPL-2.0
/*
 * sframe-cases: the KUnit suite's cases (sframe_test_cases.h and
 * sframe_kunit_vectors.h), run in user space against the same decoder
 * source, so that the harness can measure the decoder's line coverage.
 * The KUnit suite, run in the guests, remains the test of record.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

static const u8 *sframe_test_buf;
static u32 sframe_test_readable;

/* As in the KUnit suite: -ERANGE if the decoder asks outside the section */
#define SFRAME_READ(t, off, dst, len)					\
	((off) + (len) > (t)->size ? -ERANGE :				\
	 (off) + (len) > sframe_test_readable ? -EFAULT :		\
	 (memcpy((dst), sframe_test_buf + (off), (len)), 0))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#include "sframe_decoder.h"
#include "sframe_test_cases.h"
#include "sframe_kunit_vectors.h"

static int failures, checks;

#define CHECK(cond, fmt, ...) do {					\
	checks++;							\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL  " fmt "\n", ##__VA_ARGS__);		\
	}								\
} while (0)

static bool rule_eq(const struct sframe_rule *a, const struct sframe_rule *b)
{
	return a->base == b->base && a->deref == b->deref && a->reg == b->reg &&
	       a->offset == b->offset;
}

static bool frame_eq(const struct sframe_frame *a, const struct sframe_frame *b)
{
	if (a->outermost || b->outermost)
		return a->outermost == b->outermost;
	return rule_eq(&a->cfa, &b->cfa) && rule_eq(&a->ra, &b->ra) &&
	       rule_eq(&a->fp, &b->fp) && a->ra_signed == b->ra_signed &&
	       a->signal == b->signal;
}

/* Write every hand-made table, malformed ones included, as fuzzing seeds. */
static int write_corpus(const char *dir)
{
	static u8 buf[ST_BUF_SIZE + 1];
	char path[4096];
	unsigned int i;
	u32 size;
	FILE *f;

	for (i = 0; i < ARRAY_SIZE(st_lookups) + ARRAY_SIZE(st_bads); i++) {
		if (i < ARRAY_SIZE(st_lookups)) {
			size = st_build(st_lookups[i].table, buf);
		} else {
			const struct st_bad *c = &st_bads[i - ARRAY_SIZE(st_lookups)];

			size = st_build(c->table, buf);
			if (c->mutate)
				c->mutate(buf, &size);
		}
		snprintf(path, sizeof(path), "%s/case-%03u", dir, i);
		f = fopen(path, "wb");
		if (!f || fwrite(buf, 1, size, f) != size || fclose(f))
			return 1;
	}
	return 0;
}

/* Checks of the rules of every row, for __sframe_validate() */
static unsigned int checked_rows;

static int count_rows(const struct sframe_func *func,
		      const struct sframe_frame *frame, const void *data)
{
	checked_rows++;
	return 0;
}

static int reject_rows(const struct sframe_func *func,
		       const struct sframe_frame *frame, const void *data)
{
	return -EPERM;
}

int main(int argc, char **argv)
{
	static u8 buf[ST_BUF_SIZE + 1];
	u8 pair[2];
	struct sframe_frame frame;

	struct sframe_table t;
	unsigned int i, k;
	u32 size;
	int ret;

	if (argc == 3 && !strcmp(argv[1], "--corpus"))
		return write_corpus(argv[2]);

	for (i = 0; i < ARRAY_SIZE(st_lookups); i++) {
		const struct st_lookup *c = &st_lookups[i];

		size = st_build(c->table, buf);
		sframe_test_buf = buf;
		sframe_test_readable = size;
		ret = sframe_table_init(&t, ST_SEC_ADDR, size, c->abi);
		if (c->ret == -EOPNOTSUPP) {
			CHECK(ret == -EOPNOTSUPP, "lookup %s: init %d", c->name, ret);
			continue;
		}
		CHECK(!ret, "lookup %s: init %d", c->name, ret);
		ret = sframe_validate(&t);
		CHECK(!ret, "lookup %s: validate %d", c->name, ret);
		ret = sframe_find(&t, ST_TEXT + (long)c->pc_off, &frame);
		CHECK(ret == c->ret, "lookup %s: find %d, want %d", c->name, ret, c->ret);
		if (!ret)
			CHECK(frame_eq(&frame, &c->frame) && frame.pauth_key == c->frame.pauth_key,
			      "lookup %s: rules differ", c->name);
	}

	for (i = 0; i < ARRAY_SIZE(st_bads); i++) {
		const struct st_bad *c = &st_bads[i];

		size = st_build(c->table, buf);
		if (c->mutate)
			c->mutate(buf, &size);
		sframe_test_buf = buf;
		sframe_test_readable = size;
		ret = sframe_table_init(&t, ST_SEC_ADDR, size, c->abi);
		CHECK(ret == c->init_ret, "malformed %s: init %d, want %d", c->name, ret,
		      c->init_ret);
		if (ret)
			continue;
		ret = sframe_validate(&t);
		CHECK(ret == c->validate_ret, "malformed %s: validate %d, want %d", c->name,
		      ret, c->validate_ret);
		ret = sframe_find(&t, ST_TEXT + c->pc_off, &frame);
		CHECK(ret == c->find_ret, "malformed %s: find %d, want %d", c->name, ret,
		      c->find_ret);
	}

	/* Faults: as in the KUnit suite's sframe_test_fault */
	size = st_build(&st_amd64, buf);
	sframe_test_buf = buf;
	sframe_test_readable = 8;
	CHECK(sframe_table_init(&t, ST_SEC_ADDR, size, AMD64) == -EFAULT, "fault header");
	sframe_test_readable = sizeof(struct sframe_header) + 4;
	CHECK(sframe_table_init(&t, ST_SEC_ADDR, size, AMD64) == -EFAULT, "fault fde");
	sframe_test_readable = size;
	CHECK(!sframe_table_init(&t, ST_SEC_ADDR, size, AMD64), "fault init");
	sframe_test_readable = st_fres(buf) + 8;
	CHECK(sframe_find(&t, ST_TEXT + 0x10, &frame) == -EFAULT, "fault fre find");
	CHECK(sframe_validate(&t) == -EFAULT, "fault fre validate");
	sframe_test_readable = sizeof(struct sframe_header) + 8;
	CHECK(sframe_find(&t, ST_TEXT + 0x10, &frame) == -EFAULT, "fault search");
	sframe_test_readable = st_fres(buf) + 2;
	CHECK(sframe_find(&t, ST_TEXT + 0x10, &frame) == -EFAULT, "fault attributes");
	sframe_test_readable = st_fre0(buf, 3) + 2;
	CHECK(sframe_find(&t, ST_TEXT + 0x18, &frame) == -EFAULT, "fault words");
	CHECK(sframe_get(&t, t.size - 1, pair, sizeof(pair)) == -EBADMSG, "accessor bounds");
	buf[size] = 0;
	sframe_test_readable = size;
	CHECK(!sframe_table_init(&t, ST_SEC_ADDR, size + 1, AMD64), "fault pad init");
	CHECK(sframe_validate(&t) == -EFAULT, "fault padding");
	size = st_build(&st_amd64_v2, buf);
	sframe_test_readable = size;
	CHECK(!sframe_table_init(&t, ST_SEC_ADDR, size, AMD64), "fault v2 init");
	sframe_test_readable = sizeof(struct sframe_header) + 2;
	CHECK(sframe_find(&t, ST_TEXT + 0x10, &frame) == -EFAULT, "fault v2 search");

	for (i = 0; i < ARRAY_SIZE(sframe_kunit_vectors); i++) {
		const struct sframe_kunit_vector *v = &sframe_kunit_vectors[i];

		sframe_test_buf = v->section;
		sframe_test_readable = v->size;
		ret = sframe_table_init(&t, v->addr, v->size, v->abi);
		CHECK(!ret, "vector %s: init %d", v->name, ret);
		if (ret)
			continue;
		CHECK(!sframe_validate(&t), "vector %s: validate", v->name);
		checked_rows = 0;
		ret = __sframe_validate(&t, count_rows, NULL);
		CHECK(!ret && checked_rows >= t.num_fres,
		      "vector %s: check saw %u rows of %u (%d)", v->name,
		      checked_rows, t.num_fres, ret);
		CHECK(!t.num_fdes || __sframe_validate(&t, reject_rows, NULL) == -EPERM,
		      "vector %s: a check rejects the table", v->name);
		for (k = 0; k < v->num_rows; k++) {
			ret = sframe_find(&t, v->rows[k].pc, &frame);
			CHECK(!ret && frame_eq(&frame, &v->rows[k].frame),
			      "vector %s: pc %#lx: find %d or rules differ", v->name,
			      v->rows[k].pc, ret);
		}
	}

	printf("%d passed, %d failed\n", checks - failures, failures);
	return failures ? 1 : 0;
}
