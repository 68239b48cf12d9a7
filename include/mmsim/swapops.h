/* SPDX-License-Identifier: GPL-2.0 */
/*
 * swapops.h - non-present page-table entries that are not empty: swap
 * entries, and among them the PTE markers (include/linux/swapops.h).
 *
 * The model has no swap device, so the only swap entries it makes are
 * PTE markers: a PTE that maps nothing but says something about the
 * address.  Linux 6.18 has three (uffd-wp, poisoned, guard); the model
 * makes all three: guard markers (MADV_GUARD_INSTALL, mm/madvise.c),
 * uffd-wp markers (userfaultfd write-protection of an empty entry, where
 * the registration wants markers) and poisoned markers (UFFDIO_POISON:
 * an access is SIGBUS, as for memory with an uncorrectable error; both
 * mm/userfaultfd.c).
 *
 * Encoding, as x86-64 lays out a swap PTE: present and PROT_NONE clear,
 * the swap type in the top SWP_TYPE_BITS bits, the offset from bit
 * SWP_OFFSET_SHIFT up (x86 stores the offset inverted against L1TF; the
 * model need not).  A marker is the swap type SWP_PTE_MARKER with the
 * marker bits as its offset, so pagemap shows it as the host does: a
 * swapped entry whose "frame" is type | offset << MAX_SWAPFILES_SHIFT
 * (0x9f for a guard marker).
 *
 * A marker is not a mapping: it holds no page, no reference, no
 * mapcount and no RSS; it lies inside a VMA (a guard marker inside one
 * with VM_MAYBE_GUARD); faults on it are decided by the marker
 * (handle_pte_marker: a guard marker is SIGSEGV); unmapping drops it,
 * zapping for MADV_DONTNEED, truncation or a hole punch keeps it.
 */
#ifndef MMSIM_SWAPOPS_H
#define MMSIM_SWAPOPS_H

#include <stdbool.h>
#include <mmsim/pgtable.h>

typedef struct { unsigned long val; } swp_entry_t;

#define MAX_SWAPFILES_SHIFT	5
#define SWP_TYPE_BITS		MAX_SWAPFILES_SHIFT
/* The last swap type: PTE markers (SWP_PTE_MARKER in Linux 6.18). */
#define SWP_PTE_MARKER		((1U << MAX_SWAPFILES_SHIFT) - 1)

/* Offsets stop below the type bits; 40 bits is more than the model needs. */
#define SWP_OFFSET_SHIFT	14
#define SWP_OFFSET_MASK		((1UL << 40) - 1)

/* Marker bits (typedef unsigned long pte_marker in the kernel). */
typedef unsigned long pte_marker;
#define PTE_MARKER_UFFD_WP	(1UL << 0)
#define PTE_MARKER_POISONED	(1UL << 1)
#define PTE_MARKER_GUARD	(1UL << 2)
#define PTE_MARKER_MASK		(PTE_MARKER_UFFD_WP | PTE_MARKER_POISONED | \
				 PTE_MARKER_GUARD)

/*
 * Software bits of a swap entry, where x86 keeps them: the uffd-wp bit
 * in _PAGE_USER, soft-dirty in _PAGE_RW (both clear in a marker).
 */
#define _PAGE_SWP_UFFD_WP	_PAGE_USER
#define _PAGE_SWP_SOFT_DIRTY	_PAGE_RW

static inline swp_entry_t swp_entry(unsigned int type, unsigned long offset)
{
	return (swp_entry_t){ ((unsigned long)type << (64 - SWP_TYPE_BITS)) |
			      (offset & SWP_OFFSET_MASK) };
}

static inline unsigned int swp_type(swp_entry_t e)
{
	return (unsigned int)(e.val >> (64 - SWP_TYPE_BITS));
}

static inline unsigned long swp_offset(swp_entry_t e)
{
	return e.val & SWP_OFFSET_MASK;
}

/* Any non-empty entry the MMU would not follow (x86: is_swap_pte). */
static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte);
}

static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	pteval_t v = pte_val(pte);

	return swp_entry((unsigned int)(v >> (64 - SWP_TYPE_BITS)),
			 (v >> SWP_OFFSET_SHIFT) & SWP_OFFSET_MASK);
}

static inline pte_t swp_entry_to_pte(swp_entry_t e)
{
	return __pte(((pteval_t)swp_type(e) << (64 - SWP_TYPE_BITS)) |
		     ((pteval_t)swp_offset(e) << SWP_OFFSET_SHIFT));
}

static inline bool is_pte_marker_entry(swp_entry_t e)
{
	return swp_type(e) == SWP_PTE_MARKER;
}

static inline pte_marker pte_marker_get(swp_entry_t e)
{
	return swp_offset(e) & PTE_MARKER_MASK;
}

static inline swp_entry_t make_pte_marker_entry(pte_marker marker)
{
	return swp_entry(SWP_PTE_MARKER, marker);
}

static inline pte_t make_pte_marker(pte_marker marker)
{
	return swp_entry_to_pte(make_pte_marker_entry(marker));
}

static inline bool is_pte_marker(pte_t pte)
{
	return is_swap_pte(pte) && is_pte_marker_entry(pte_to_swp_entry(pte));
}

static inline bool pte_swp_uffd_wp(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_UFFD_WP;
}

static inline pte_t pte_swp_mkuffd_wp(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_SWP_UFFD_WP);
}

static inline pte_t pte_swp_clear_uffd_wp(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_SWP_UFFD_WP);
}

static inline bool pte_swp_soft_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_SOFT_DIRTY;
}

static inline bool pte_marker_entry_uffd_wp(swp_entry_t e)
{
	return is_pte_marker_entry(e) && (pte_marker_get(e) & PTE_MARKER_UFFD_WP);
}

static inline bool pte_marker_uffd_wp(pte_t pte)
{
	return is_swap_pte(pte) && pte_marker_entry_uffd_wp(pte_to_swp_entry(pte));
}

/* Write-protected for userfaultfd, as a swap entry or a marker. */
static inline bool pte_swp_uffd_wp_any(pte_t pte)
{
	return is_swap_pte(pte) && (pte_swp_uffd_wp(pte) || pte_marker_uffd_wp(pte));
}

static inline bool is_guard_swp_entry(swp_entry_t e)
{
	return is_pte_marker_entry(e) && (pte_marker_get(e) & PTE_MARKER_GUARD);
}

static inline bool is_poisoned_swp_entry(swp_entry_t e)
{
	return is_pte_marker_entry(e) && (pte_marker_get(e) & PTE_MARKER_POISONED);
}

static inline bool is_poisoned_pte_marker(pte_t pte)
{
	return is_swap_pte(pte) && is_poisoned_swp_entry(pte_to_swp_entry(pte));
}

static inline bool is_guard_pte_marker(pte_t pte)
{
	return is_swap_pte(pte) && is_guard_swp_entry(pte_to_swp_entry(pte));
}

#endif /* MMSIM_SWAPOPS_H */
