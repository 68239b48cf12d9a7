// SPDX-License-Identifier: GPL-2.0
/*
 * memtype.c - the x86 PAT memtype tree (arch/x86/mm/pat/memtype.c): which
 * cache mode (WB, WC, UC-, UC) each reserved range of PFNs without struct
 * page is mapped with, so that no two mappings of one frame disagree.
 *
 * Reservations are kept in PFN units, sorted by start, in m->pat.memtypes
 * (a list standing in for the kernel's interval tree; the answers are the
 * same).  Overlapping reservations are allowed only if they all have one
 * type; every reservation is its own entry and is freed by its exact
 * range, as memtype_free() does.
 *
 * memtype_reserve() follows the kernel's non-strict rule: when the range
 * overlaps existing entries, they must agree among themselves (else
 * -EBUSY), and the new entry takes their type, reported in *new_type; the
 * caller (pfnmap_track) decides whether that type is acceptable
 * (is_new_memtype_allowed).  With @new_type NULL a different type is a
 * conflict (-EBUSY).
 *
 * Simplifications: RAM is never entered in the tree (the kernel keeps a
 * RAM page's type in its page flags and set_memory_*() is not modelled):
 * RAM is always WB here.  MTRRs are not modelled.
 */
#include "internal.h"

struct memtype {
	struct list_head node;		/* m->pat.memtypes, by start */
	unsigned long start, end;	/* PFNs, [start, end) */
	enum page_cache_mode type;
};

static const char *const cattr_names[] = {
	[_PAGE_CACHE_MODE_WB] = "wb",
	[_PAGE_CACHE_MODE_WC] = "wc",
	[_PAGE_CACHE_MODE_UC_MINUS] = "uc-",
	[_PAGE_CACHE_MODE_UC] = "uc",
};

const char *cattr_name(enum page_cache_mode pcm)
{
	return pcm < _PAGE_CACHE_MODE_NUM ? cattr_names[pcm] : "?";
}

int cattr_parse(const char *s, enum page_cache_mode *pcm)
{
	for (int i = 0; i < _PAGE_CACHE_MODE_NUM; i++)
		if (!strcmp(s, cattr_names[i])) {
			*pcm = i;
			return 0;
		}
	return -EINVAL;
}

/* The default PAT MSR: WB = 0, WC = PWT, UC- = PCD, UC = PCD|PWT. */
enum page_cache_mode pgprot2cachemode(pgprot_t prot)
{
	uint64_t v = pgprot_val(prot);

	return (v & _PAGE_PCD ? 2 : 0) + (v & _PAGE_PWT ? 1 : 0);
}

uint64_t cachemode2protval(enum page_cache_mode pcm)
{
	return (pcm & 1 ? _PAGE_PWT : 0) | (pcm & 2 ? _PAGE_PCD : 0);
}

void pgprot_set_cachemode(pgprot_t *prot, enum page_cache_mode pcm)
{
	*prot = __pgprot((pgprot_val(*prot) & ~_PAGE_CACHE_MASK) |
			 cachemode2protval(pcm));
}

void memtype_init(struct machine *m)
{
	INIT_LIST_HEAD(&m->pat.memtypes);
	INIT_LIST_HEAD(&m->pat.links);
}

/*
 * A reservation that outlived every mapping (the vm_pat design leaks
 * them, as Linux 3.7-6.15 did) goes with the machine.
 */
void memtype_exit(struct machine *m)
{
	struct memtype *e, *n;

	list_for_each_entry_safe(e, n, &m->pat.memtypes, node) {
		list_del(&e->node);
		kfree(e);
	}
}

static bool overlaps(const struct memtype *e, unsigned long s, unsigned long end)
{
	return e->start < end && s < e->end;
}

/* The one type every entry overlapping [s, e) has, or -EBUSY; 0: none. */
static int memtype_check_conflict(struct machine *m, unsigned long s,
				  unsigned long end, enum page_cache_mode req,
				  enum page_cache_mode *found)
{
	struct memtype *e;
	bool any = false;

	list_for_each_entry(e, &m->pat.memtypes, node) {
		if (!overlaps(e, s, end))
			continue;
		if (any && e->type != *found)
			return -EBUSY;
		*found = e->type;
		any = true;
	}
	if (!any)
		*found = req;
	return 0;
}

int memtype_reserve(unsigned long start, unsigned long end,
		    enum page_cache_mode req, enum page_cache_mode *new_type)
{
	struct machine *m = current_machine();
	enum page_cache_mode found;
	struct memtype *new, *e;
	int err;

	page_table_check_global(CHECK_PAT);
	if (start >= end)
		return -EINVAL;
	err = memtype_check_conflict(m, start, end, req, &found);
	if (err || (!new_type && found != req))
		return err ? err : -EBUSY;
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	*new = (struct memtype) { .start = start, .end = end, .type = found };
	list_for_each_entry(e, &m->pat.memtypes, node)
		if (e->start > start)
			break;
	list_add_tail(&new->node, &e->node);
	if (new_type)
		*new_type = found;
	return 0;
}

int memtype_free(unsigned long start, unsigned long end)
{
	struct machine *m = current_machine();
	struct memtype *e;

	page_table_check_global(CHECK_PAT);
	list_for_each_entry(e, &m->pat.memtypes, node)
		if (e->start == start && e->end == end) {
			list_del(&e->node);
			kfree(e);
			return 0;
		}
	return -EINVAL;
}

int memtype_free_or_shrink(unsigned long start, unsigned long end)
{
	struct machine *m = current_machine();
	struct memtype *e;

	if (!memtype_free(start, end))
		return 0;
	list_for_each_entry(e, &m->pat.memtypes, node)
		if (e->start < start && e->end == end) {
			e->end = start;
			return 0;
		}
	return -EINVAL;
}

/* The type of @pfn: its reservation's, WB for RAM, else UC-. */
enum page_cache_mode lookup_memtype(unsigned long pfn)
{
	struct machine *m = current_machine();
	struct memtype *e;

	if (pfn_valid(pfn))
		return _PAGE_CACHE_MODE_WB;
	list_for_each_entry(e, &m->pat.memtypes, node)
		if (overlaps(e, pfn, pfn + 1))
			return e->type;
	return _PAGE_CACHE_MODE_UC_MINUS;
}

/* Visit every reservation; stops at the first nonzero return. */
int memtype_for_each(int (*fn)(unsigned long start, unsigned long end,
			       enum page_cache_mode type, void *arg),
		     void *arg)
{
	struct machine *m = current_machine();
	struct memtype *e;
	int ret;

	list_for_each_entry(e, &m->pat.memtypes, node)
		if ((ret = fn(e->start, e->end, e->type, arg)))
			return ret;
	return 0;
}
