// SPDX-License-Identifier: GPL-2.0
/*
 * sframe-dump: decode the .sframe section of an ELF file with the kernel's
 * SFrame decoder, at every byte address of every executable section, and
 * print one line per address in readelf's notation:
 *
 *	ADDR CFA FP RA		e.g. "0x1135 sp+16 c-16 f"
 *	ADDR -			no entry (-ENOENT)
 *	ADDR undefined		outermost frame
 *	ADDR error N		any other error
 *
 * sframe-diff.py compares this with `readelf --sframe` of the same file.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sframe_harness.h"

const u8 *sframe_harness_buf;

static void *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		return NULL;
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n)
		return NULL;
	fclose(f);
	*size = n;
	return buf;
}

static const char *reg_name(const struct sframe_table *t, unsigned int reg)
{
	static char buf[16];
	bool a64 = sframe_abi_is_aarch64(t);

	if (reg == (a64 ? SFRAME_AARCH64_DWARF_SP : SFRAME_AMD64_DWARF_SP))
		return "sp";
	if (reg == (a64 ? SFRAME_AARCH64_DWARF_FP : SFRAME_AMD64_DWARF_FP))
		return "fp";
	snprintf(buf, sizeof(buf), "r%u", reg);
	return buf;
}

/* One rule in readelf's column notation. */
static void rule_str(const struct sframe_table *t, const struct sframe_rule *r,
		     bool is_ra, char *out, size_t len)
{
	char inner[40];

	switch (r->base) {
	case SFRAME_RULE_UNCHANGED:
		snprintf(out, len, "u");
		return;
	case SFRAME_RULE_CFA:
		if (is_ra && t->ra_fixed && r->deref && r->offset == t->ra_fixed) {
			snprintf(out, len, "f");
			return;
		}
		snprintf(inner, sizeof(inner), "c%+d", r->offset);
		break;
	default:
		if (is_ra && sframe_abi_is_aarch64(t) && !r->deref && !r->offset &&
		    r->reg == SFRAME_AARCH64_DWARF_LR) {
			snprintf(out, len, "u");
			return;
		}
		snprintf(inner, sizeof(inner), "%s%+d", reg_name(t, r->reg), r->offset);
		break;
	}
	/* readelf brackets a dereference, except for the plain "c±N" slots */
	if (r->deref && r->base != SFRAME_RULE_CFA)
		snprintf(out, len, "(%s)", inner);
	else
		snprintf(out, len, "%s", inner);
}

int main(int argc, char **argv)
{
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh, *sf = NULL;
	struct sframe_table t;
	struct sframe_frame fr;
	const char *names;
	size_t size;
	u8 *elf;
	u8 abi;
	int i, ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s ELF\n", argv[0]);
		return 2;
	}
	elf = slurp(argv[1], &size);
	if (!elf || size < sizeof(*eh) || memcmp(elf, ELFMAG, SELFMAG) ||
	    elf[EI_CLASS] != ELFCLASS64) {
		fprintf(stderr, "%s: not a 64-bit ELF file\n", argv[1]);
		return 2;
	}
	eh = (const Elf64_Ehdr *)elf;
	sh = (const Elf64_Shdr *)(elf + eh->e_shoff);
	names = (const char *)elf + sh[eh->e_shstrndx].sh_offset;
	for (i = 0; i < eh->e_shnum; i++)
		if (!strcmp(names + sh[i].sh_name, ".sframe"))
			sf = &sh[i];
	if (!sf) {
		fprintf(stderr, "%s: no .sframe section\n", argv[1]);
		return 2;
	}
	abi = eh->e_machine == EM_AARCH64 ? SFRAME_ABI_AARCH64_ENDIAN_LITTLE :
					    SFRAME_ABI_AMD64_ENDIAN_LITTLE;

	sframe_harness_buf = elf + sf->sh_offset;
	ret = sframe_table_init(&t, sf->sh_addr, sf->sh_size, abi);
	if (!ret)
		ret = sframe_validate(&t);
	if (ret) {
		printf("table error %d\n", ret);
		return 1;
	}

	for (i = 0; i < eh->e_shnum; i++) {
		unsigned long pc;

		if (!(sh[i].sh_flags & SHF_EXECINSTR))
			continue;
		for (pc = sh[i].sh_addr; pc < sh[i].sh_addr + sh[i].sh_size; pc++) {
			char cfa[48], fp[48], ra[48];

			ret = sframe_find(&t, pc, &fr);
			if (ret == -ENOENT) {
				printf("0x%lx -\n", pc);
				continue;
			}
			if (ret) {
				printf("0x%lx error %d\n", pc, ret);
				continue;
			}
			if (fr.outermost) {
				printf("0x%lx undefined\n", pc);
				continue;
			}
			rule_str(&t, &fr.cfa, false, cfa, sizeof(cfa));
			rule_str(&t, &fr.fp, false, fp, sizeof(fp));
			rule_str(&t, &fr.ra, true, ra, sizeof(ra));
			printf("0x%lx %s %s %s%s\n", pc, cfa, fp, ra,
			       fr.ra_signed ? "[s]" : "");
		}
	}
	return 0;
}
