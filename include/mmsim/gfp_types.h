/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gfp_types.h - allocation flags (gfp_t), as include/linux/gfp_types.h
 * names them.  The model honours the ones that change what it does:
 * __GFP_ZERO (contents read as zero; every new frame does anyway),
 * __GFP_COMP (a large folio rather than a run of independent pages),
 * __GFP_NOWARN and __GFP_NORETRY (a large allocation that fails is not
 * an error worth a report: the caller falls back to a smaller order).
 * The bit values are the model's own; code must use the names.
 */
#ifndef MMSIM_GFP_TYPES_H
#define MMSIM_GFP_TYPES_H

typedef unsigned int gfp_t;

#define __GFP_IO		0x001u
#define __GFP_FS		0x002u
#define __GFP_RECLAIM		0x004u
#define __GFP_HIGHMEM		0x008u
#define __GFP_MOVABLE		0x010u
#define __GFP_ZERO		0x020u
#define __GFP_COMP		0x040u
#define __GFP_NOWARN		0x080u
#define __GFP_NORETRY		0x100u
#define __GFP_ACCOUNT		0x200u
#define __GFP_HARDWALL		0x400u

#define GFP_NOWAIT		0u
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_USER		(GFP_KERNEL | __GFP_HARDWALL)
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_TRANSHUGE_LIGHT	(GFP_HIGHUSER_MOVABLE | __GFP_COMP | \
				 __GFP_NOWARN)
#define GFP_TRANSHUGE		GFP_TRANSHUGE_LIGHT
/* User page tables, charged to the task (asm/pgalloc.h). */
#define GFP_PGTABLE_KERNEL	(GFP_KERNEL | __GFP_ZERO)
#define GFP_PGTABLE_USER	(GFP_PGTABLE_KERNEL | __GFP_ACCOUNT)

#endif /* MMSIM_GFP_TYPES_H */
