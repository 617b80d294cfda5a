// SPDX-License-Identifier: GPL-2.0
/*
 * sframe-bench: lookups per second of the kernel's SFrame decoder on the
 * .sframe section of an ELF file, at pseudo-random PCs of its text, and
 * the cost of one lookup relative to a binary search over the same
 * number of sorted integers in memory (the floor of any lookup).
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sframe_harness.h"

const u8 *sframe_harness_buf;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const unsigned int n = 2000000;
	const Elf64_Shdr *sh, *sf = NULL;
	const Elf64_Ehdr *eh;
	struct sframe_frame fr;
	struct sframe_table t;
	unsigned long *pcs, *starts, sink = 0;
	unsigned int i, found = 0;
	double t0, dec, base;
	FILE *f;
	long size;
	u8 *elf;

	if (argc != 2 || !(f = fopen(argv[1], "rb")))
		return 2;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	elf = malloc(size);
	if (!elf || fread(elf, 1, size, f) != (size_t)size)
		return 2;
	eh = (const Elf64_Ehdr *)elf;
	sh = (const Elf64_Shdr *)(elf + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++)
		if (!strcmp((char *)elf + sh[eh->e_shstrndx].sh_offset + sh[i].sh_name,
			    ".sframe"))
			sf = &sh[i];
	if (!sf)
		return 2;
	sframe_harness_buf = elf + sf->sh_offset;
	if (sframe_table_init(&t, sf->sh_addr, sf->sh_size,
			      eh->e_machine == EM_AARCH64 ?
			      SFRAME_ABI_AARCH64_ENDIAN_LITTLE :
			      SFRAME_ABI_AMD64_ENDIAN_LITTLE))
		return 1;

	pcs = malloc(n * sizeof(*pcs));
	starts = malloc(t.num_fdes * sizeof(*starts));
	srandom(1);
	for (i = 0; i < n; i++)
		pcs[i] = t.text_start + random() % (t.text_end - t.text_start);
	for (i = 0; i < t.num_fdes; i++)
		sframe_read_fde_start(&t, i, &starts[i]);

	t0 = now();
	for (i = 0; i < n; i++)
		found += !sframe_find(&t, pcs[i], &fr);
	dec = now() - t0;

	t0 = now();
	for (i = 0; i < n; i++) {
		unsigned int lo = 0, hi = t.num_fdes;

		while (lo < hi) {
			unsigned int mid = lo + (hi - lo) / 2;

			if (starts[mid] <= pcs[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		sink += lo;
	}
	base = now() - t0;

	printf("bench: %s: %u functions, %u lookups (%u found): %.1f M lookups/s, %.0f ns each, %.1fx a bare binary search\n",
	       argv[1], t.num_fdes, n, found, n / dec / 1e6, dec / n * 1e9,
	       dec / (base ? base : 1e-9));
	return sink == 0xdeadbeef;
}
