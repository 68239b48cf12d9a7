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
 * The anon_vma tree keys each chain by a copy of its VMA's range taken
 * at insertion (below).
 */
#include "internal.h"

#include "../lib/interval_tree_generic.h"

INTERVAL_TREE_DEFINE(struct vm_area_struct, shared.rb, pgoff_t,
		     shared.rb_subtree_last, vma_start_pgoff, vma_last_pgoff,
		     vma_interval_tree)

/*
 * A chain's key is its VMA's page range as it was when the chain was
 * inserted, cached in the chain (the kernel's CONFIG_DEBUG_VM_RB fields),
 * so that a walk reads one object per node rather than the chain and its
 * VMA.  Since a VMA's range changes only between a remove and an insert,
 * the cache is the VMA's range whenever the chain is in a tree; the
 * node check verifies it, as anon_vma_interval_tree_verify() does.
 */
static inline pgoff_t avc_start_pgoff(const struct anon_vma_chain *avc)
{
	return avc->cached_vma_start;
}

static inline pgoff_t avc_last_pgoff(const struct anon_vma_chain *avc)
{
	return avc->cached_vma_last;
}

void __anon_vma_interval_tree_insert(struct anon_vma_chain *node,
				     struct rb_root *root);
void __anon_vma_interval_tree_remove(struct anon_vma_chain *node,
				     struct rb_root *root);
struct anon_vma_chain *__anon_vma_interval_tree_iter_first(struct rb_root *root,
							    pgoff_t start,
							    pgoff_t last);
struct anon_vma_chain *__anon_vma_interval_tree_iter_next(struct anon_vma_chain *node,
							   pgoff_t start,
							   pgoff_t last);
bool __anon_vma_interval_tree_node_ok(const struct anon_vma_chain *n);
bool __anon_vma_interval_tree_path_ok(const struct anon_vma_chain *n);

INTERVAL_TREE_DEFINE(struct anon_vma_chain, rb, pgoff_t, rb_subtree_last,
		     avc_start_pgoff, avc_last_pgoff, __anon_vma_interval_tree)

void anon_vma_interval_tree_insert(struct anon_vma_chain *node,
				   struct rb_root *root)
{
	node->cached_vma_start = vma_start_pgoff(node->vma);
	node->cached_vma_last = vma_last_pgoff(node->vma);
	__anon_vma_interval_tree_insert(node, root);
}

void anon_vma_interval_tree_remove(struct anon_vma_chain *node,
				   struct rb_root *root)
{
	__anon_vma_interval_tree_remove(node, root);
}

struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root *root,
							  pgoff_t start,
							  pgoff_t last)
{
	return __anon_vma_interval_tree_iter_first(root, start, last);
}

struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node,
							 pgoff_t start,
							 pgoff_t last)
{
	return __anon_vma_interval_tree_iter_next(node, start, last);
}

/* The cached key is the VMA's range (a VMA moved without a re-key is not). */
static bool avc_key_ok(const struct anon_vma_chain *n)
{
	return n->cached_vma_start == vma_start_pgoff(n->vma) &&
	       n->cached_vma_last == vma_last_pgoff(n->vma);
}

bool anon_vma_interval_tree_node_ok(const struct anon_vma_chain *n)
{
	return avc_key_ok(n) && __anon_vma_interval_tree_node_ok(n);
}

bool anon_vma_interval_tree_path_ok(const struct anon_vma_chain *n)
{
	const struct rb_node *rb;

	for (rb = &n->rb; rb; rb = rb_parent(rb))
		if (!avc_key_ok(rb_entry(rb, struct anon_vma_chain, rb)))
			return false;
	return __anon_vma_interval_tree_path_ok(n);
}
