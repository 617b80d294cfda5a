# SPDX-License-Identifier: GPL-2.0
# Hand-written CFI that gas encodes with flexible FDEs: a DRAP
# realignment (CFA in %r10, then behind %rbp) and a CFA in %rbx.
	.text
	.globl	drap
	.type	drap, @function
drap:
	.cfi_startproc
	leaq	8(%rsp), %r10
	.cfi_def_cfa %r10, 0
	andq	$-64, %rsp
	pushq	-8(%r10)
	pushq	%rbp
	.cfi_escape 0x10,0x6,0x2,0x76,0x0
	movq	%rsp, %rbp
	.cfi_escape 0xf,0x3,0x76,0x78,0x6
	subq	$64, %rsp
	nop
	leave
	leaq	-8(%r10), %rsp
	.cfi_def_cfa %rsp, 8
	ret
	.cfi_endproc
	.size	drap, .-drap
	.globl	rbxcfa
	.type	rbxcfa, @function
rbxcfa:
	.cfi_startproc
	movq	%rsp, %rbx
	.cfi_def_cfa %rbx, 8
	nop
	.cfi_def_cfa %rsp, 8
	ret
	.cfi_endproc
	.size	rbxcfa, .-rbxcfa
	.globl	main
	.type	main, @function
main:
	.cfi_startproc
	call	drap
	call	rbxcfa
	xorl	%eax, %eax
	ret
	.cfi_endproc
