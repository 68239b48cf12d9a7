/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel.h - the small helpers every kernel file takes for granted
 * (linux/kernel.h, linux/minmax.h, linux/align.h, linux/compiler.h) and
 * the C library parts a module sees through linux/string.h and
 * linux/errno.h.  Drivers
 * include it through <mmsim/driver.h>.
 */
#ifndef MMSIM_KERNEL_H
#define MMSIM_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef likely
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#endif
#ifndef __maybe_unused
#define __maybe_unused	__attribute__((__unused__))
#endif
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#ifndef min
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#endif
#define ALIGN(x, a)	(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define IS_ERR_VALUE_ADDR(x) ((unsigned long)(x) >= (unsigned long)-4095)

static inline bool is_power_of_2(unsigned long n)
{
	return n && !(n & (n - 1));
}

#endif /* MMSIM_KERNEL_H */
