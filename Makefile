# SPDX-License-Identifier: GPL-2.0
# Thin entry points; the logic lives in scripts/. See README.md.

S := scripts

.PHONY: all demo check tree export toolchain base kernels guests boot \
	checkpatch harness fuzz bench profile reliable bisect glibc glibc-export man \
	clean distclean

# Build the x86_64 kernel with the series, boot it and show the demo.
all demo:
	@$(S)/demo.sh

# The whole test pipeline, as CI runs it.
check:
	@$(S)/check.sh

# Materialise build/linux (base + series) / write it back to patches/.
tree:
	@$(S)/tree.sh
export:
	@$(S)/export.sh

# Individual stages, for working on one part.
toolchain:
	@$(S)/toolchain.sh
base:
	@$(S)/base.sh
checkpatch:
	@$(S)/checkpatch.sh
# Render the man page draft, man/codectl.2.
man:
	@$(S)/man.sh
kernels:
	@for a in x86_64 arm64; do $(S)/build-kernel.sh $$a || exit; done
guests:
	@for a in x86_64 arm64; do $(S)/initramfs.sh $$a || exit; done
boot:
	@for a in x86_64 arm64; do $(S)/run-qemu.sh $$a || exit; done; \
	$(S)/parse-results.py --expected guest/expected \
		x86_64=build/logs/x86_64.log arm64=build/logs/arm64.log

# The SFrame decoder in user space: differential test, coverage, fuzz
# smoke (harness); libFuzzer for FUZZ_SECONDS (fuzz). bench: decoder
# lookups per second, and in the x86_64 guest SFrame against frame
# pointers per frame and perf bytes per sample (ratios).
FUZZ_SECONDS ?= 600
harness:
	@$(S)/sframe-harness.sh check
fuzz:
	@$(S)/sframe-harness.sh fuzz $(FUZZ_SECONDS)
bench:
	@$(S)/bench.sh

# The timer-driven sampling test in both guests, in normal TCG and with
# one instruction per translation block (too slow for make check).
profile:
	@$(S)/profile.sh

# arm64's reliable-stack-trace KUnit suites with one instruction per
# translation block, so that interrupts land on any instruction, then with
# the SFrame lookup's callers traced and probed (too slow for make check).
reliable:
	@$(S)/reliable-onetb.sh

# Does every patch of the series compile? (C files the series touches, at
# each commit, with the test kernels' configurations; make kernels first.)
bisect:
	@$(S)/bisect-build.sh

# glibc with the patches of glibc/ (its ld.so registers what it maps),
# for the x86_64 guest's ldso_test (also a stage of check).
glibc:
	@$(S)/glibc.sh build
glibc-export:
	@$(S)/glibc.sh export

# Build outputs only; keeps the root, the base, the tree and ccache.
clean:
	rm -rf build/out build/guest build/logs build/harness
# Everything, including the kernel tree: export first.
distclean:
	rm -rf build
