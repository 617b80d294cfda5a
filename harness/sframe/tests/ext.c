// SPDX-License-Identifier: GPL-2.0
/* The shared library the test programs call through the PLT. */
int ext(int x) { return x + 1; }
