// SPDX-License-Identifier: GPL-2.0
/*
 * test_check.c - mm_check() notices broken invariants: each test breaks
 * one on purpose (through the internals) and expects -EUCLEAN, then
 * repairs it.  A checker that cannot fail would make every other test
 * meaningless.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static struct page *page_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return pfn_to_page(pte_pfn(*ptep));
}

TEST(check_catches_a_wrong_mapcount)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	p->_mapcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "mapcount") != NULL);
	p->_mapcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_leaked_reference)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	p = page_at(f.t, ARENA);
	p->_refcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	p->_refcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_entry_to_a_shared_anon_page)
{
	struct fixture f;
	struct task_struct *child;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	*ptep = pte_mkwrite(*ptep);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "writable") != NULL);
	*ptep = pte_wrprotect(*ptep);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_non_special_entry_without_struct_page)
{
	struct fixture f;
	unsigned long io, nr;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	pte_t saved = *ptep;

	machine_io_range(f.m, &io, &nr);
	*ptep = pfn_pte(io, __pgprot(PAGE_READONLY));
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	*ptep = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_leaked_frames_after_every_process_exits)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	p = page_at(f.t, ARENA);
	p->_refcount++;			/* a reference nobody will drop */
	sys_exit(f.t);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	__free_pages(p, 0);		/* drops that reference, frees the page */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- 3: what the reverse map would find --------------------------------- */

/*
 * A page whose index is not where its entry is: rmap_walk() would look
 * for it at another address.  Catches check_entry_rmap()'s index rule.
 */
TEST(check_catches_a_page_the_rmap_looks_for_at_another_index)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA + PG);
	p->index++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "rmap looks for") != NULL);
	p->index--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A page whose anon_vma is one the mapping VMA has no chain to (the
 * child's own, for a page the parent alone maps): the rmap would search
 * a tree without that VMA.  Catches the chain rule of check_entry_rmap().
 */
TEST(check_catches_a_page_whose_anon_vma_does_not_reach_its_vma)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;
	void *saved;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);	/* the parent's own copy */
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	saved = p->mapping;
	p->mapping = (void *)((unsigned long)find_vma(child->mm, ARENA)->anon_vma |
			     PAGE_MAPPING_ANON);
	ASSERT_TRUE(p->mapping != saved);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "does not search its vma") != NULL);
	p->mapping = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A VMA whose range changed without its chains' remove and re-insert:
 * the key the tree holds (the range at insertion) is stale.  Catches
 * avc_key_ok() in anon_vma_interval_tree_node_ok().
 */
TEST(check_catches_a_chain_keyed_by_a_stale_range)
{
	struct fixture f;
	struct vm_area_struct *vma;
	struct anon_vma_chain *avc;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	vma = find_vma(f.t->mm, ARENA);
	avc = list_first_entry(&vma->anon_vma_chain, struct anon_vma_chain, same_vma);
	ASSERT_TRUE(anon_vma_interval_tree_node_ok(avc));
	vma->vm_end -= PG;		/* no re-key: the tree still says two pages */
	ASSERT_TRUE(!anon_vma_interval_tree_node_ok(avc));
	ASSERT_TRUE(!anon_vma_interval_tree_path_ok(avc));
	vma->vm_end += PG;
	ASSERT_TRUE(anon_vma_interval_tree_node_ok(avc));
	ASSERT_TRUE(anon_vma_interval_tree_path_ok(avc));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * An anon_vma_chain taken out of its anon_vma's tree (its node intact):
 * no rmap walk would find the child's entries.  Catches rb_linked_in().
 */
TEST(check_catches_a_chain_missing_from_its_anon_vma_tree)
{
	struct fixture f;
	struct task_struct *child;
	struct anon_vma_chain *avc;
	struct rb_root detached = RB_ROOT;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	/* the child's chain to the parent's anon_vma */
	list_for_each_entry(avc, &find_vma(child->mm, ARENA)->anon_vma_chain, same_vma)
		if (avc->anon_vma == find_vma(f.t->mm, ARENA)->anon_vma)
			break;
	ASSERT_TRUE(&avc->same_vma != &find_vma(child->mm, ARENA)->anon_vma_chain);
	anon_vma_interval_tree_remove(avc, &avc->anon_vma->rb_root);
	anon_vma_interval_tree_insert(avc, &detached);	/* a tree of its own */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not in its anon_vma's tree") != NULL);
	anon_vma_interval_tree_remove(avc, &detached);
	anon_vma_interval_tree_insert(avc, &avc->anon_vma->rb_root);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A node in an anon_vma tree that is not one of its chains (it claims
 * another anon_vma): an rmap walk would visit the parent's VMA twice.
 * Caught by the whole-tree walk (check_anon_vma_tree).
 */
TEST(check_catches_a_stranger_in_an_anon_vma_tree)
{
	struct fixture f;
	struct task_struct *child;
	struct vm_area_struct *vma;
	struct anon_vma_chain stranger = { 0 };

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	vma = find_vma(f.t->mm, ARENA);
	stranger.vma = vma;
	stranger.anon_vma = find_vma(child->mm, ARENA)->anon_vma;
	ASSERT_TRUE(stranger.anon_vma != vma->anon_vma);
	anon_vma_interval_tree_insert(&stranger, &vma->anon_vma->rb_root);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "interval tree is broken") != NULL);
	anon_vma_interval_tree_remove(&stranger, &vma->anon_vma->rb_root);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A memfd of 2 pages mapped shared at ARENA with @prot, both pages
 * faulted in (written if writable, else read).
 */
static struct file *shared_file(struct fixture *f, int prot)
{
	struct file *mf;

	if (sys_memfd_create(f->m, "check", &mf))
		return NULL;
	vfs_truncate(mf, 2 * PG);
	if (sys_mmap(f->t, ARENA, 2 * PG, prot, MAP_SHARED | MAP_FIXED_NOREPLACE,
		     mf, 0) != (long)ARENA ||
	    ((prot & PROT_WRITE) ? uaccess_memset(f->t, ARENA, 1, 2 * PG) :
	     peek(f->t, ARENA) < 0 || peek(f->t, ARENA + PG) < 0)) {
		fput(mf);
		return NULL;
	}
	return mf;
}

/*
 * A page-cache page whose index is not the one its entry has in the
 * file: rmap_walk_file() would look elsewhere.  Catches the index rule
 * for file pages.
 */
TEST(check_catches_a_file_page_the_rmap_looks_for_at_another_index)
{
	struct fixture f;
	struct file *mf;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = shared_file(&f, PROT_READ | PROT_WRITE);
	ASSERT_TRUE(mf != NULL);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA + PG);
	ASSERT_FALSE(folio_test_anon(page_folio(p)));
	p->index += 7;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "rmap looks for") != NULL);
	p->index -= 7;
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

/*
 * A read-only file VMA (so that i_mmap_writable does not count it) taken
 * out of its file's i_mmap tree, its node intact: no rmap walk of the
 * file's pages would find its entries.  Catches the i_mmap side of
 * check_vma_rmap_trees().
 */
TEST(check_catches_a_vma_missing_from_its_files_i_mmap)
{
	struct fixture f;
	struct vm_area_struct *vma;
	struct rb_root detached = RB_ROOT;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = shared_file(&f, PROT_READ);
	ASSERT_TRUE(mf != NULL);
	CHECK_MM(f.m);
	vma = find_vma(f.t->mm, ARENA);
	vma_interval_tree_remove(vma, &mf->f_mapping->i_mmap);
	vma_interval_tree_insert(vma, &detached);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not in its file's i_mmap tree") != NULL);
	vma_interval_tree_remove(vma, &detached);
	vma_interval_tree_insert(vma, &mf->f_mapping->i_mmap);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

/*
 * A page of one memfd that claims another's page cache: the rmap would
 * search the other file's VMAs.  Catches the file side of
 * check_entry_rmap()'s tree rule.
 */
TEST(check_catches_a_file_page_that_names_another_file)
{
	struct fixture f;
	struct file *mf, *other;
	struct page *p;
	void *saved;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = shared_file(&f, PROT_READ | PROT_WRITE);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(sys_memfd_create(f.m, "other", &other), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	saved = p->mapping;
	p->mapping = other->f_mapping;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "does not search its vma") != NULL);
	p->mapping = saved;
	CHECK_MM(f.m);
	fput(other);
	fput(mf);
	machine_destroy(f.m);
}

/* ---- full: PTE tables that repeat (fork's children) --------------------- */

/* 16 pages ending at the end of a PTE table: entries 496-511 (no THP). */
#define TAIL16		(ARENA + (2UL << 20) - 16 * PG)

/*
 * Written, then forked twice: fork makes the children's entries old, so
 * the first child's table differs from the parent's and the second's is
 * a copy of the first's.
 */
static int fork_tail16_twice(struct fixture *f, unsigned long written,
			     struct task_struct **first, struct task_struct **second)
{
	if (map_anon(f, TAIL16, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)TAIL16 ||
	    uaccess_memset(f->t, TAIL16, 1, written * PG))
		return -1;
	return sys_fork(f->t, first) ?: sys_fork(f->t, second);
}

/*
 * A child's table equal to its sibling's but for its last entry, which
 * maps the frame of the first: not a copy.  Catches a comparison of less
 * than the whole table (find_pte_class).
 */
TEST(check_catches_a_child_table_equal_to_its_siblings_but_for_its_last_entry)
{
	struct fixture f;
	struct task_struct *sibling, *child;
	pte_t *first, *last, saved;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(fork_tail16_twice(&f, 16, &sibling, &child), 0);
	CHECK_MM(f.m);
	first = walk_to_pte(child->mm, TAIL16, NULL, NULL);
	last = walk_to_pte(child->mm, TAIL16 + 15 * PG, NULL, NULL);
	ASSERT_EQ(pte_index(TAIL16 + 15 * PG), PTRS_PER_PTE - 1);
	saved = *last;
	*last = *first;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	*last = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The same uffd-wp marker in two siblings' tables, but the second one's
 * VMA VM_DROPPABLE, which userfaultfd cannot register: the tables are
 * equal, the VMAs' flags are not, and the second's marker is a break.
 * Catches a copy taken without comparing the VMA's facts (vma_same_facts).
 */
TEST(check_catches_an_entry_a_copy_may_not_hold_under_its_own_vma)
{
	struct fixture f;
	struct task_struct *sibling, *child;
	const unsigned long at = TAIL16 + 15 * PG;	/* entry 511, left empty */
	pte_t *sp, *cp;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(fork_tail16_twice(&f, 15, &sibling, &child), 0);
	CHECK_MM(f.m);
	sp = walk_to_pte(sibling->mm, at, NULL, NULL);
	cp = walk_to_pte(child->mm, at, NULL, NULL);
	ASSERT_TRUE(sp && cp && pte_none(*sp) && pte_none(*cp));
	*sp = *cp = make_pte_marker(PTE_MARKER_UFFD_WP);
	find_vma(child->mm, at)->vm_flags |= VM_DROPPABLE;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "in a VM_DROPPABLE vma") != NULL);
	find_vma(child->mm, at)->vm_flags &= ~VM_DROPPABLE;
	*sp = *cp = __pte(0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A child's entry made writable by hand: its table equals its parent's
 * but for that bit and the accessed bits fork clears.  Only the accessed
 * bit may differ in a copy: catches PTE_BITS_UNCHECKED grown to others.
 */
TEST(check_catches_a_writable_entry_in_a_table_a_copy_but_for_that_bit)
{
	struct fixture f;
	struct task_struct *child;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, TAIL16, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), TAIL16);
	ASSERT_EQ(uaccess_memset(f.t, TAIL16, 1, 16 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ptep = walk_to_pte(child->mm, TAIL16 + 3 * PG, NULL, NULL);
	*ptep = pte_mkwrite(*ptep);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "writable") != NULL);
	*ptep = pte_wrprotect(*ptep);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A page mapped by 1,000 processes (999 of them holding copies of one
 * table) with its mapcount one off either way.  Catches copies that add
 * less, or more, than their share to the recount (count_pte_copies).
 */
TEST(check_catches_a_wrong_mapcount_on_a_page_a_thousand_processes_map)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	for (int i = 1; i < 1000; i++)
		ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA + 3 * PG);
	ASSERT_EQ(page_mapcount(p), 1000);
	for (int d = -1; d <= 1; d += 2) {
		p->_mapcount += d;
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "mapcount") != NULL);
		p->_mapcount -= d;
	}
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A child whose VMA lost its chain to the parent's anon_vma (taken out
 * of the list and the tree alike): the rmap of the shared pages cannot
 * find the child's entries.  Its table is a copy of its sibling's, so
 * this catches the copy's reach check (pte_table_copy).
 */
TEST(check_catches_a_copied_table_whose_vma_cannot_be_reached_by_the_rmap)
{
	struct fixture f;
	struct task_struct *sibling, *child;
	struct vm_area_struct *cv;
	struct anon_vma_chain *avc;
	struct list_head *prev;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(fork_tail16_twice(&f, 16, &sibling, &child), 0);
	CHECK_MM(f.m);
	cv = find_vma(child->mm, TAIL16);
	list_for_each_entry(avc, &cv->anon_vma_chain, same_vma)
		if (avc->anon_vma == find_vma(f.t->mm, TAIL16)->anon_vma)
			break;
	ASSERT_TRUE(&avc->same_vma != &cv->anon_vma_chain);
	ASSERT_TRUE(avc->anon_vma != cv->anon_vma);
	prev = avc->same_vma.prev;
	list_del(&avc->same_vma);
	anon_vma_interval_tree_remove(avc, &avc->anon_vma->rb_root);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "no chain to the anon_vma") != NULL);
	anon_vma_interval_tree_insert(avc, &avc->anon_vma->rb_root);
	list_add(&avc->same_vma, prev);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * Pins recounted twice with a table of the same size: the second count
 * must not see the first's frame.  Catches count_pins() reusing its
 * table without clearing it.
 */
TEST(check_recounts_pins_afresh_when_the_pinned_frame_changes)
{
	struct fixture f;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &ps), 0);
	CHECK_MM(f.m);
	pin_release(ps);
	ASSERT_EQ(pin_range(f.t, ARENA + PG, PG, true, &ps), 0);
	CHECK_MM(f.m);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- mm_check_changes(): the incremental check ------------------------ */

#define CHECK_CHANGES(m) do {						\
		if (mm_check_changes(m))				\
			TEST_FAIL("mm_check_changes: %s", mm_check_report(m)); \
	} while (0)

/*
 * 8 MiB written elsewhere: with that many frames in use, a change to a
 * few is checked incrementally (a log of more than half the frames in
 * use would make the check a full one).
 */
static int ballast(struct fixture *f)
{
	unsigned long at = ARENA + (2UL << 30), len = 8UL << 20;

	if (map_anon(f, at, len, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)at)
		return -1;
	return uaccess_memset(f->t, at, 1, len);
}

/* A machine whose process wrote one page at ARENA (and the ballast). */
static int written_page(struct fixture *f)
{
	if (fixture_init(f) ||
	    map_anon(f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)ARENA ||
	    uaccess_memset(f->t, ARENA, 1, 1))
		return -1;
	return ballast(f);
}

/* The same, then forked @child. */
static int forked_page(struct fixture *f, struct task_struct **child)
{
	return written_page(f) ? -1 : sys_fork(f->t, child);
}

/* A reference leaked on a frame a command changed: caught at once. */
TEST(incremental_check_catches_a_leaked_reference_on_a_changed_frame)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(ballast(&f), 0);
	CHECK_CHANGES(f.m);		/* the first one is full; logging starts */
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	p = page_at(f.t, ARENA);
	p->_refcount++;
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	ASSERT_EQ(mm_check_commands(f.m), 1);
	p->_refcount--;
	CHECK_MM(f.m);
	ASSERT_EQ(mm_check_commands(f.m), 0);	/* a full check resets it */
	machine_destroy(f.m);
}

/*
 * A page fork shares while the log is on, its parent's entry already
 * read-only (so fork changes nothing in the parent's table), then a
 * reference leaked on it: only the child's new entry tells the log of
 * the frame.  Catches fork's copy of a small anon page counting the
 * child's entry inline without the log (set_pte_anon()).
 */
TEST(incremental_check_catches_a_leaked_reference_on_a_page_fork_shared)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;

	ASSERT_EQ(written_page(&f), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	/* the ballast stays behind: its pages would overflow the log */
	ASSERT_EQ(sys_madvise(f.t, ARENA + (2UL << 30), 8UL << 20,
			      MADV_DONTFORK), 0);
	CHECK_CHANGES(f.m);		/* the first one is full; logging starts */
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	p = page_at(child, ARENA);
	ASSERT_TRUE(p == page_at(f.t, ARENA));
	ASSERT_EQ(page_ref_count(p), 2);
	p->_refcount++;
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental, not full */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	p->_refcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The ranges fork logs while the log is on, for @pages written pages:
 * the copy write-protects the parent's entry and sets the child's, one
 * after the other.
 */
static size_t fork_logged_ranges(unsigned long pages)
{
	struct fixture f;
	struct task_struct *child;
	size_t n;

	if (fixture_init(&f) ||
	    map_anon(&f, ARENA, pages * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)ARENA ||
	    uaccess_memset(f.t, ARENA, 1, pages * PG) || ballast(&f) ||
	    sys_madvise(f.t, ARENA + (2UL << 30), 8UL << 20, MADV_DONTFORK) ||
	    mm_check_changes(f.m) || sys_fork(f.t, &child))
		return 0;
	n = f.m->ck.nr_ranges;
	/* and the log still serves: an incremental check, which passes */
	if (mm_check_changes(f.m) || mm_check_commands(f.m) != 1)
		n = 0;
	machine_destroy(f.m);
	return n;
}

/*
 * Fork's log does not grow with the pages it copies: the parent's range
 * and the child's each extend, though the copy alternates between them.
 * Catches __vma_check_range() extending only the last range logged (a
 * range per entry: a 64 Ki-page fork filled the log's 64 Ki ranges).
 */
TEST(fork_logs_as_many_ranges_for_64_pages_as_for_2)
{
	size_t two = fork_logged_ranges(2), many = fork_logged_ranges(64);

	ASSERT_TRUE(two > 0);
	ASSERT_EQ(many, two);
}

/*
 * An entry set through set_pte_at() that makes a page shared by parent
 * and child writable: the range is logged, the check walks it.
 */
TEST(incremental_check_catches_a_writable_entry_set_to_a_shared_anon_page)
{
	struct fixture f;
	struct task_struct *child;
	pte_t *ptep;

	ASSERT_EQ(forked_page(&f, &child), 0);
	CHECK_CHANGES(f.m);
	CHECK_CHANGES(f.m);		/* nothing changed: nothing to find */
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	set_pte_at(f.t->mm, ARENA, ptep, pte_mkwrite(*ptep));
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 2);	/* incremental, not full */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "writable") != NULL);
	set_pte_at(f.t->mm, ARENA, ptep, pte_wrprotect(*ptep));
	CHECK_CHANGES(f.m);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * An entry written around the choke point (as fork's copy once wrote
 * *dst = *src): cleared through ptep_get_and_clear(), written back by
 * hand.  The model's own counters still agree with the tables, so only
 * the counts page_table_check keeps can tell - in both checks.
 */
static void clear_and_rewrite_by_hand(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);
	pte_t saved = *ptep;

	ptep_get_and_clear(t->mm, addr, ptep);
	*ptep = saved;
}

TEST(both_checks_catch_an_entry_written_around_set_pte_at)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		struct task_struct *child;
		int err;

		ASSERT_EQ(forked_page(&f, &child), 0);
		if (incremental)
			CHECK_CHANGES(f.m);
		clear_and_rewrite_by_hand(child, ARENA);
		err = incremental ? mm_check_changes(f.m) : mm_check(f.m);
		ASSERT_EQ(err, -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
		/* full: rss recounted vs counted; incremental: the frame's
		 * mapcount vs the entries counted for it */
		ASSERT_TRUE(strstr(mm_check_report(f.m), incremental ?
				   "entries map it" : "set_pte_at") != NULL);
		machine_destroy(f.m);
	}
}

/*
 * An entry a command re-set (mprotect) whose page's index was changed by
 * hand: the frame is queued only as the range is walked, with the index
 * it has then, so its rmap is not walked - the entry's own rule must
 * catch it.  Catches check_entry_rmap() left out of the incremental check.
 */
TEST(incremental_check_catches_a_walked_entry_the_rmap_looks_for_elsewhere)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(written_page(&f), 0);
	CHECK_CHANGES(f.m);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	p = page_at(f.t, ARENA);
	p->index++;
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "rmap looks for") != NULL);
	p->index--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A frame two processes map whose index changes after it was queued (as
 * a hook queues it before it changes the identity): the entries no
 * command touched can no longer be found, and only walking its rmap
 * shows it.  Catches an incremental check that never walks the rmap of
 * a frame whose identity moved under its entries (check_logged_frame).
 */
TEST(incremental_check_walks_the_rmap_of_a_frame_whose_identity_moved)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;

	ASSERT_EQ(forked_page(&f, &child), 0);
	CHECK_CHANGES(f.m);
	p = page_at(f.t, ARENA);
	page_check_frame(p);
	p->index++;
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "rmap finds") != NULL);
	p->index--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The child's chain to its parent's anon_vma taken out of the tree, then
 * a write in the child's VMA: the VMA around the logged range is not in
 * a tree the rmap searches.  Catches check_vma_rmap_trees() left out of
 * check_range().
 */
TEST(incremental_check_catches_a_chain_missing_from_its_tree_near_a_change)
{
	struct fixture f;
	struct task_struct *child;
	struct anon_vma_chain *avc;
	struct vm_area_struct *cv;
	struct rb_root detached = RB_ROOT;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(ballast(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_CHANGES(f.m);
	cv = find_vma(child->mm, ARENA);
	list_for_each_entry(avc, &cv->anon_vma_chain, same_vma)
		if (avc->anon_vma == find_vma(f.t->mm, ARENA)->anon_vma)
			break;
	ASSERT_TRUE(&avc->same_vma != &cv->anon_vma_chain);
	anon_vma_interval_tree_remove(avc, &avc->anon_vma->rb_root);
	anon_vma_interval_tree_insert(avc, &detached);
	ASSERT_EQ(uaccess_memset(child, ARENA + PG, 2, 1), 0);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not in its anon_vma's tree") != NULL);
	anon_vma_interval_tree_remove(avc, &detached);
	anon_vma_interval_tree_insert(avc, &avc->anon_vma->rb_root);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * What no command touched is not looked at again (that is what makes
 * the check cheap) - until the log would cost more than a full check:
 * a command that changes most frames gets a full check, which finds the
 * old damage.
 */
TEST(a_change_log_bigger_than_half_the_frames_makes_the_check_full)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(written_page(&f), 0);
	CHECK_CHANGES(f.m);
	p = page_at(f.t, ARENA);
	p->_refcount++;			/* on a frame no command will touch */
	ASSERT_EQ(map_anon(&f, ARENA + PG, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  ARENA + PG);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 2 * PG), 0);
	CHECK_CHANGES(f.m);		/* two frames changed: not this one */
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), 40UL << 20, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + (1UL << 30));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + (1UL << 30), 1, 40UL << 20), 0);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	p->_refcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The checks decide the usual entry (a small anon page in an anonymous
 * VMA) and the usual frame inline, and hand anything else to the rules
 * that say why (mm_check.c: check_pte_plain(), frame_plainly_ok()).
 * Each test below breaks one thing the inline decision must see, in
 * both checks.  @incremental: the entry is re-set through set_pte_at(),
 * so that the incremental check walks it.
 */
static void make_writable(struct task_struct *t, unsigned long addr, bool incremental)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	if (incremental)
		set_pte_at(t->mm, addr, ptep, pte_mkwrite(*ptep));
	else
		*ptep = pte_mkwrite(*ptep);
}

static void make_readonly(struct task_struct *t, unsigned long addr, bool incremental)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	if (incremental)
		set_pte_at(t->mm, addr, ptep, pte_wrprotect(*ptep));
	else
		*ptep = pte_wrprotect(*ptep);
}

/* PageAnonExclusive is not enough: the page is mapped twice.  Catches
 * the inline decision's mapcount rule. */
TEST(both_checks_catch_a_writable_entry_to_an_exclusive_page_mapped_twice)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		struct task_struct *child;
		struct page *p;

		ASSERT_EQ(forked_page(&f, &child), 0);
		if (incremental)
			CHECK_CHANGES(f.m);
		p = page_at(f.t, ARENA);
		ASSERT_EQ(page_mapcount(p), 2);
		SetPageAnonExclusive(p);
		make_writable(f.t, ARENA, incremental);
		ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m), -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "writable entry") != NULL);
		make_readonly(f.t, ARENA, incremental);
		ClearPageAnonExclusive(p);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/* Mapped once, but not PageAnonExclusive.  Catches the inline
 * decision's exclusive rule. */
TEST(both_checks_catch_a_writable_entry_to_a_page_not_marked_exclusive)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		struct page *p;

		ASSERT_EQ(fixture_init(&f), 0);
		ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
		ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
		ASSERT_EQ(ballast(&f), 0);
		if (incremental)
			CHECK_CHANGES(f.m);
		p = page_at(f.t, ARENA);
		ASSERT_EQ(page_mapcount(p), 1);
		ClearPageAnonExclusive(p);
		make_writable(f.t, ARENA, incremental);	/* it is already */
		ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m), -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "writable entry") != NULL);
		SetPageAnonExclusive(p);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/*
 * PageAnonExclusive cleared on a page its one writable entry maps, with
 * no entry touched: only the frame is logged (ClearPageAnonExclusive()
 * queues it), and its writable entry lies in no logged range.  Both
 * checks must find the entry.  Catches check_logged_frame() walking the
 * rmap only of frames whose identity moved, and a setter that queues the
 * frame after it changed the flag (the log would say it was never
 * exclusive).
 */
TEST(both_checks_catch_exclusivity_lost_under_an_untouched_writable_entry)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		struct page *p;

		ASSERT_EQ(written_page(&f), 0);
		if (incremental)
			CHECK_CHANGES(f.m);
		p = page_at(f.t, ARENA);
		ASSERT_TRUE(PageAnonExclusive(p) && page_mapcount(p) == 1);
		ClearPageAnonExclusive(p);
		ASSERT_EQ(f.m->ck.nr_ranges, 0);	/* no entry changed */
		ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m), -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
		ASSERT_TRUE(strstr(mm_check_report(f.m),
				   "writable entry at 100000000000 to a shared anon page") != NULL);
		SetPageAnonExclusive(p);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/*
 * A second mapping of a page one writable entry maps, added by hand
 * through the library's hooks (a reference, the rmap, a read-only entry
 * in a process that maps nothing there yet): the page stays
 * PageAnonExclusive and the new entry is fine, so only the old writable
 * entry, in no logged range, is wrong.  Catches check_logged_frame()
 * not walking the rmap of a page that was exclusive and is now mapped
 * twice.
 */
TEST(incremental_check_catches_an_untouched_writable_entry_to_a_page_mapped_again)
{
	struct fixture f;
	struct task_struct *child;
	struct page *p;
	pte_t *ptep;

	ASSERT_EQ(forked_page(&f, &child), 0);
	p = page_at(f.t, ARENA);
	/* the child lets go of its entry, keeping its VMA; the parent's
	 * write then reuses the page, exclusive again */
	ASSERT_EQ(sys_madvise(child, ARENA, PG, MADV_DONTNEED), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_TRUE(page_at(f.t, ARENA) == p);
	ASSERT_TRUE(PageAnonExclusive(p) && page_mapcount(p) == 1);
	CHECK_CHANGES(f.m);
	CHECK_CHANGES(f.m);
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ptep = walk_to_pte(child->mm, ARENA, NULL, NULL);
	ASSERT_TRUE(ptep && pte_none(*ptep));
	folio_get(page_folio(p));
	folio_add_anon_rmap_ptes(page_folio(p), p, 1, find_vma(child->mm, ARENA),
				 ARENA, RMAP_NONE);
	set_pte_at(child->mm, ARENA, ptep,
		   pte_wrprotect(*walk_to_pte(f.t->mm, ARENA, NULL, NULL)));
	ASSERT_TRUE(PageAnonExclusive(p) && page_mapcount(p) == 2);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 2);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "writable entry at 100000000000 to a shared anon page") != NULL);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "writable entry at 100000000000 to a shared anon page") != NULL);
	ptep_get_and_clear(child->mm, ARENA, ptep);
	folio_remove_rmap_pte(page_folio(p), p, find_vma(child->mm, ARENA));
	folio_put(page_folio(p));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A driver's private mapping, written: an anon page in a VMA of the
 * driver's file (as a private /dev/zero mapping is).  The driver's
 * check_entry hook sees that entry too.  Catches an inline decision
 * that takes an entry of a file's VMA for an anonymous one.
 */
static bool hook_complains;

static int hook_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = NULL;	/* private: anonymous faults, as /dev/zero */
	return 0;
}

static int hook_check_entry(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte, struct seq_buf *why)
{
	if (!hook_complains)
		return 0;
	seq_buf_printf(why, "the test hook saw %lx", addr);
	return 1;
}

static const struct file_operations hook_fops = { .name = "/dev/test-hook", .mmap = hook_mmap };

static const struct mmsim_driver hook_driver = {
	.name = "test-check-hook",
	.fops = &hook_fops,
	.check_entry = hook_check_entry,
};

TEST(both_checks_run_the_drivers_hook_on_anon_entries_of_its_private_mapping)
{
	int err = mmsim_driver_register(&hook_driver);

	ASSERT_TRUE(!err || err == -EEXIST);
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		struct file *file;
		struct page *p;

		ASSERT_EQ(fixture_init(&f), 0);
		ASSERT_EQ(device_open(f.m, "test-check-hook", "", &file), 0);
		ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_FIXED_NOREPLACE, file, 0), (long)ARENA);
		fput(file);
		ASSERT_EQ(ballast(&f), 0);
		ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
		p = page_at(f.t, ARENA);
		ASSERT_TRUE(folio_test_anon(page_folio(p)));
		if (incremental)
			CHECK_CHANGES(f.m);
		else
			CHECK_MM(f.m);
		hook_complains = true;
		if (incremental)	/* a second page: its range is walked */
			ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), 0);
		err = incremental ? mm_check_changes(f.m) : mm_check(f.m);
		hook_complains = false;
		ASSERT_EQ(err, -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "test-check-hook") != NULL);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/*
 * A page a command did not change, whose entry a command re-set (the
 * same frame: nothing logs the frame): the incremental check reaches it
 * only by walking the range, which must queue it.  Catches an inline
 * decision that counts the entry but does not queue its frame.
 */
TEST(incremental_check_catches_a_wrong_mapcount_reached_only_through_a_walked_entry)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(written_page(&f), 0);
	CHECK_CHANGES(f.m);
	p = page_at(f.t, ARENA);
	p->_mapcount++;			/* by hand: not logged */
	make_readonly(f.t, ARENA, true);	/* as mprotect: the range is logged */
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "mapcount 2 but 1 entries") != NULL);
	p->_mapcount--;
	make_writable(f.t, ARENA, true);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * An anon frame nothing maps any more, with no reference, yet not given
 * back to the buddy allocator (a free path that forgot it).  Its counts
 * all say 0, as those of a plain mapped page say 1: only its being
 * neither free nor allocated is wrong.  Catches an inline decision that
 * passes a frame whose counts agree at 0.
 */
TEST(check_catches_an_anon_frame_neither_free_nor_allocated)
{
	struct fixture f;
	struct page *p;
	pte_t *ptep, pte;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	CHECK_MM(f.m);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	p = pfn_to_page(pte_pfn(*ptep));
	pte = ptep_get_and_clear(f.t->mm, ARENA, ptep);
	f.t->mm->rss_stat[MM_ANONPAGES]--;
	p->_mapcount--;
	p->_refcount--;
	ASSERT_TRUE(folio_test_anon(page_folio(p)) && !PageBuddy(p));
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "neither free nor allocated") != NULL);
	p->_refcount++;
	p->_mapcount++;
	f.t->mm->rss_stat[MM_ANONPAGES]++;
	set_pte_at(f.t->mm, ARENA, ptep, pte);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * Under `design pins=shadow` a shadow pin count on a page no pin holds:
 * its refcount and mapcount are as plain as can be.  Catches an inline
 * decision that skips pincount_check() while a pin design keeps
 * records.
 */
TEST(check_catches_a_shadow_pin_count_on_a_page_no_pin_holds)
{
	struct fixture f;
	struct pin_set *ps;
	struct seq_buf s;
	int32_t *count;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	seq_buf_init(&s);
	ASSERT_EQ(mmsim_ctl(f.t, "design pins=shadow", &s), 0);
	seq_buf_free(&s);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);	/* the shadow memmap */
	pin_release(ps);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA + PG);
	ASSERT_EQ(page_ref_count(p), 1);
	count = &f.m->pins.shadow[p - f.m->memmap]._pincount;
	(*count)++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "shadow pin count") != NULL);
	(*count)--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * page_table_check counted one entry more on a frame than the tables
 * hold, with the frame's own counts and every RSS counter right: only
 * the per-frame comparison of the full check can tell.  Catches an
 * inline decision that passes a frame without that comparison.
 */
TEST(check_catches_a_frame_page_table_check_counted_differently)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	page_ext_get(f.m, p)->map_count++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "1 entries map it, but 2 were set through set_pte_at()") != NULL);
	page_ext_get(f.m, p)->map_count--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A wrong mapcount on a page mapped read-only once: no rule for writable
 * entries can see it, only the frame's own counts.  Catches a walk that
 * notes a frame as plain (mapped once: check_pte_plain()) without
 * reading its mapcount, so that the frame pass skips it.
 */
TEST(check_catches_a_wrong_mapcount_on_a_page_mapped_read_only)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	p->_mapcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "mapcount 2 but 1 entries map it") != NULL);
	p->_mapcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The fifth of eight pages written in one VMA has the wrong index, the
 * four before it checked inline in the same run of entries.  Catches a
 * run that does not step the index it expects with the entry.
 */
TEST(check_catches_a_wrong_index_amid_a_run_of_plain_entries)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 8 * PG), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA + 4 * PG);
	p->index++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "rmap looks for") != NULL);
	p->index--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The last of four pages written in one VMA names the anon_vma of
 * another VMA (a separate mapping), the three before it the VMA's own.
 * Catches a run that trusts the anon_vma its first page named for the
 * pages after it.
 */
TEST(check_catches_a_foreign_anon_vma_amid_a_run_of_plain_entries)
{
	const unsigned long other = ARENA + 64 * PG;
	struct fixture f;
	struct page *p;
	void *saved;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, other, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), other);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, other, 1, 1), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(find_vma(f.t->mm, other)->anon_vma != find_vma(f.t->mm, ARENA)->anon_vma);
	p = page_at(f.t, ARENA + 3 * PG);
	saved = p->mapping;
	p->mapping = (void *)((unsigned long)find_vma(f.t->mm, other)->anon_vma |
			     PAGE_MAPPING_ANON);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "does not search its vma") != NULL);
	p->mapping = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * page_table_check counted one entry more on a frame amid 600 plain
 * ones (more than a pageblock), each mapped once by a small page.  Catches a frame pass
 * that skips a run of frames noted plain without comparing each one's
 * page_table_check count.
 */
TEST(check_catches_a_frame_counted_differently_amid_plain_frames)
{
	const unsigned long start = ARENA + PG;	/* no PMD-aligned 2 MiB: no THP */
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, start, 600 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), start);
	ASSERT_EQ(uaccess_memset(f.t, start, 1, 600 * PG), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, start + 300 * PG);
	page_ext_get(f.m, p)->map_count++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "1 entries map it, but 2 were set through set_pte_at()") != NULL);
	page_ext_get(f.m, p)->map_count--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
