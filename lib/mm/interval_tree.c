// SPDX-License-Identifier: GPL-2.0
/*
 * interval_tree.c - the two interval trees of the reverse maps, keyed by
 * page offset (lib/lib/interval_tree_generic.h):
 *
 *   i_mmap    the VMAs mapping a file, on vma->shared.rb, keyed by the
 *             file pages [vma_start_pgoff, vma_last_pgoff] each maps;
 *   anon_vma  the anon_vma_chains of an anon_vma, on avc->rb, keyed by
 *             the same range of the chain's VMA (for anonymous memory,
 *             the linear page index), so that rmap_walk_anon() visits
 *             only the VMAs that can map a folio's index.
 *
 * A VMA's range is never changed while it sits in either tree: callers
 * remove it, change it and insert it again (vma_set_range() in vma.c).
 */
#include "internal.h"

#include "../lib/interval_tree_generic.h"

INTERVAL_TREE_DEFINE(struct vm_area_struct, shared.rb, pgoff_t,
		     shared.rb_subtree_last, vma_start_pgoff, vma_last_pgoff,
		     vma_interval_tree)

static inline pgoff_t avc_start_pgoff(const struct anon_vma_chain *avc)
{
	return vma_start_pgoff(avc->vma);
}

static inline pgoff_t avc_last_pgoff(const struct anon_vma_chain *avc)
{
	return vma_last_pgoff(avc->vma);
}

INTERVAL_TREE_DEFINE(struct anon_vma_chain, rb, pgoff_t, rb_subtree_last,
		     avc_start_pgoff, avc_last_pgoff, anon_vma_interval_tree)
