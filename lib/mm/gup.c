// SPDX-License-Identifier: GPL-2.0
/*
 * gup.c - get_user_pages and pin_user_pages: taking references on the
 * pages behind user addresses, faulting them in first as needed; the
 * scenario's pins and read-only references (pin sets); /proc/PID/mem.
 *
 * FOLL_GET takes a plain reference (vmsplice); FOLL_PIN counts a DMA pin
 * the way the current design says (pincount.c).  Any pin call marks the mm
 * MMF_HAS_PINNED, which makes fork check for pins.  A pinned anonymous
 * page must be exclusive: a read-only pin of a possibly shared one
 * unshares it first (gup_must_unshare, FAULT_FLAG_UNSHARE), as does a
 * read-only long-term pin of a page-cache or zero page in a COW mapping.
 * FOLL_FORCE may write into a read-only private mapping (ptrace,
 * /proc/PID/mem): the write fault breaks COW, and the resulting
 * exclusive, dirty but read-only entry may then be written through
 * (can_follow_write_pte).  VM_IO / VM_PFNMAP VMAs have no pages: EFAULT.
 * A writable long-term pin of a shared mapping that needs dirty tracking
 * (a file that writes back, a driver with ->page_mkwrite) is EFAULT too.
 *
 * A fault that goes to the userfaultfd monitor: a GUP that may wait
 * (FOLL_UNLOCKABLE: the caller passed @locked, or the fast variants'
 * slow path) waits for it - served by the process's own monitor when the
 * memory is the caller's own (GUP_OWN_MONITOR: pins, process_vm_readv of
 * itself), then retried; for ever (-EAGAIN) otherwise.  A GUP that may
 * not wait (/proc/PID/mem) gets SIGBUS from handle_userfault(): EFAULT.
 *
 * With `design historic=pre5.8` GUP behaves as before Linux 5.8: pins are
 * plain references and nothing is ever unshared.
 */
#include "internal.h"

static const struct cow_design cow_designs[] = {
	[HISTORIC_CURRENT] = {
		.unshare_for_pins = true, .fork_copies_pinned = true,
		.longterm_file_write_refused = true,
	},
	[HISTORIC_PRE58] = { .reuse_by_mapcount = true },
};

const struct cow_design *cow_design(void)
{
	return design_ops(cow_designs, DESIGN_HISTORIC);
}

/*
 * Model-internal: GUP-fast first, as pin_user_pages_fast() and
 * get_user_pages_fast() go: a page the lockless walk takes only gets
 * PG_referenced set (gup_fast_pte_range(), gup_fast_pmd_leaf()); from
 * the first page it cannot take, the slow path takes the rest with
 * FOLL_TOUCH (folio_mark_accessed()).
 */
#define GUP_FAST_FIRST	(1U << 31)

/* is_valid_gup_args: the flag combinations the kernel refuses. */
static bool is_valid_gup_args(unsigned int flags)
{
	if ((flags & (FOLL_PIN | FOLL_GET)) == (FOLL_PIN | FOLL_GET))
		return false;
	if ((flags & FOLL_LONGTERM) && !(flags & FOLL_PIN))
		return false;
	return true;
}

void gup_put_folio(struct folio *folio, int refs,
		   unsigned int flags)
{
	if (flags & FOLL_PIN) {
		while (refs--)
			pincount_unpin(&folio->page, pincount_acct());
		return;
	}
	while (refs--)
		folio_put(folio);
}

/* A read-only pin must not share an anonymous page (see header). */
static bool gup_must_unshare(struct vm_area_struct *vma, unsigned int flags,
			     struct page *page)
{
	if ((flags & (FOLL_WRITE | FOLL_PIN)) != FOLL_PIN ||
	    !cow_design()->unshare_for_pins)
		return false;
	if (!folio_test_anon(page_folio(page)))
		return (flags & FOLL_LONGTERM) && is_cow_mapping(vma->vm_flags);
	return !PageAnonExclusive(page);
}

/*
 * A forced write (FOLL_FORCE) may go through a read-only entry of a
 * private mapping without VM_WRITE only once the write fault has given
 * this mm its own exclusive anonymous page, and no other write fault is
 * pending (soft-dirty tracking, uffd-wp).
 */
static bool can_follow_write_pte(pte_t pte, struct page *page,
				 struct vm_area_struct *vma, unsigned int flags)
{
	struct machine *m = current_machine();

	if (pte_write(pte))
		return true;
	if (!(flags & FOLL_FORCE) || (vma->vm_flags & (VM_MAYSHARE | VM_SHARED)) ||
	    !(vma->vm_flags & VM_MAYWRITE) || (vma->vm_flags & VM_WRITE))
		return false;
	if (!page || !folio_test_anon(page_folio(page)) || !PageAnonExclusive(page))
		return false;
	if (m->profile.soft_dirty && !(vma->vm_flags & VM_SOFTDIRTY) &&
	    !pte_soft_dirty(pte))
		return false;	/* pte_needs_soft_dirty_wp */
	return !userfaultfd_pte_wp(vma, pte);
}

/*
 * writable_file_mapping_allowed - a long-term writable pin of a file
 * mapping is refused where the mapping needs dirty tracking (Linux 6.5):
 * writeback would clean and write-protect the page while the pin keeps
 * writing into it.  Short-term pins and plain references are allowed.
 */
static bool writable_file_mapping_allowed(struct vm_area_struct *vma,
					  unsigned int flags)
{
	if ((flags & (FOLL_PIN | FOLL_LONGTERM)) != (FOLL_PIN | FOLL_LONGTERM))
		return true;
	return !vma_needs_dirty_tracking(vma);
}

static int check_vma_flags(struct vm_area_struct *vma, unsigned int flags)
{
	if (vma->vm_flags & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if (vma_is_secretmem(vma))
		return -EFAULT;
	if (flags & FOLL_WRITE) {
		if (!vma_is_anonymous(vma) &&
		    !writable_file_mapping_allowed(vma, flags) &&
		    cow_design()->longterm_file_write_refused)
			return -EFAULT;
		if (!(vma->vm_flags & VM_WRITE) &&
		    (!(flags & FOLL_FORCE) || !is_cow_mapping(vma->vm_flags)))
			return -EFAULT;
	} else if (!(vma->vm_flags & VM_READ) &&
		   !((flags & FOLL_FORCE) && (vma->vm_flags & VM_MAYREAD))) {
		return -EFAULT;
	}
	return 0;
}

/* The zero page of a COW mapping may be returned unless pinned long-term. */
static bool zero_page_must_unshare(struct vm_area_struct *vma, unsigned int flags)
{
	return (flags & FOLL_PIN) && (flags & FOLL_LONGTERM) &&
	       is_cow_mapping(vma->vm_flags) && cow_design()->unshare_for_pins;
}

/* can_follow_write_pte() for a PMD leaf: the head's exclusivity counts. */
static bool can_follow_write_pmd(pmd_t pmd, struct page *page,
				 struct vm_area_struct *vma, unsigned int flags)
{
	return can_follow_write_pte(__pte(pmd_val(pmd)), page, vma, flags);
}

/*
 * follow_huge_pmd - the page at @addr under a THP or huge zero PMD, as
 * follow_page_pte() decides for a PTE; the subpage is returned, the
 * exclusivity that counts is the head's.
 */
static struct page *follow_huge_pmd(struct vm_area_struct *vma,
				    unsigned long addr, pmd_t *pmd,
				    unsigned int flags, bool *unshare)
{
	pmd_t pmdval = pmdp_get(pmd);
	struct page *page = pfn_to_page(pmd_pfn(pmdval));

	if (pmd_protnone(pmdval) && (vma->vm_flags & VM_ACCESS_FLAGS))
		return NULL;
	if ((flags & FOLL_WRITE) && !can_follow_write_pmd(pmdval, page, vma, flags))
		return NULL;
	if (!pmd_write(pmdval) && gup_must_unshare(vma, flags, page)) {
		*unshare = true;
		return NULL;
	}
	if (flags & FOLL_TOUCH) {	/* touch_pmd(): the folio is not marked */
		pmdval = pmd_mkyoung(pmdval);
		if (flags & FOLL_WRITE)
			pmdval = pmd_mkdirty(pmdval);
		set_pmd_at(vma->vm_mm, addr & PMD_MASK, pmd, pmdval);
	} else if (flags & GUP_FAST_FIRST) {
		SetPageReferenced(&page_folio(page)->page);
	}
	return page + pte_index(addr);
}

/*
 * follow_touch_pte - FOLL_TOUCH on a page under a PTE (GUP, populating):
 * the entry is left as it is (no young bit set behind the MMU's back);
 * the folio is marked accessed, and dirty for a write the entry has not
 * recorded (a writable clean entry, which a write populates over).
 */
void follow_touch_pte(struct vm_area_struct *vma, pte_t pte,
		      struct folio *folio, unsigned int flags)
{
	if ((flags & FOLL_WRITE) && !pte_dirty(pte) && !PageDirty(&folio->page))
		folio_mark_dirty(folio);
	folio_mark_accessed_vma(folio, vma);
}

/*
 * follow_page_pte - the page at @addr if the entry allows this access;
 * NULL means fault first (with FAULT_FLAG_UNSHARE if *unshare).  The zero
 * page is returned (special, never counted) unless the access writes.
 */
static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr,
				unsigned int flags, bool *unshare)
{
	pmd_t *leaf_pmd = NULL;
	pte_t *ptep = walk_to_pte(vma->vm_mm, addr, &leaf_pmd, NULL);
	struct page *page;
	pte_t pte;

	*unshare = false;
	if (leaf_pmd && pmd_is_anon_huge(vma, *leaf_pmd))
		return follow_huge_pmd(vma, addr, leaf_pmd, flags, unshare);
	if (!ptep || !pte_present(*ptep))
		return NULL;
	/* no NUMA hinting in the model: protnone is a PROT_NONE VMA's entry */
	if (pte_protnone(*ptep) && (vma->vm_flags & VM_ACCESS_FLAGS))
		return NULL;
	pte = ptep_get(ptep);
	page = vm_normal_page(vma, addr, pte);
	if (!page && is_zero_pfn(pte_pfn(pte)))
		page = pfn_to_page(pte_pfn(pte));
	if (!page)
		return NULL;
	if ((flags & FOLL_WRITE) && !can_follow_write_pte(pte, page, vma, flags))
		return NULL;
	if (is_zero_pfn(pte_pfn(pte))) {
		*unshare = zero_page_must_unshare(vma, flags);
		return *unshare ? NULL : page;
	}
	if (gup_must_unshare(vma, flags, page)) {
		*unshare = true;
		return NULL;
	}
	if (flags & FOLL_TOUCH)
		follow_touch_pte(vma, pte, page_folio(page), flags);
	else if (flags & GUP_FAST_FIRST)
		SetPageReferenced(&page_folio(page)->page);
	return page;
}

/*
 * faultin_page: a fault as the access needs it; 0 or an errno.  A fault
 * that went to the userfaultfd monitor (VM_FAULT_RETRY) is -EAGAIN: the
 * task waits for the monitor (get_one_page() decides what comes of it);
 * a GUP that may not wait (no FOLL_UNLOCKABLE, so no
 * FAULT_FLAG_ALLOW_RETRY) got SIGBUS from handle_userfault(): -EFAULT.
 */
static int faultin_page(struct vm_area_struct *vma, unsigned long addr,
			unsigned int flags, bool unshare)
{
	unsigned int fault_flags = 0;
	vm_fault_t ret;

	if (flags & FOLL_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;
	else if (unshare)
		fault_flags |= FAULT_FLAG_UNSHARE;
	ret = handle_mm_fault(vma, addr, fault_flags);
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY)
		return (flags & FOLL_UNLOCKABLE) ? -EAGAIN : -EFAULT;
	return 0;
}

/*
 * The task waits for the monitor of @mm: with its own monitor running
 * (GUP_OWN_MONITOR) the fault is served and GUP retries; another
 * process's monitor is idle and the wait does not end (-EAGAIN).
 */
static int gup_wait_for_monitor(struct mm_struct *mm, unsigned int flags,
				int *served)
{
	if (!(flags & GUP_OWN_MONITOR))
		return -EAGAIN;
	return userfaultfd_monitor_retry(mm, served);
}

/* Take the reference or pin GUP returns; -ENOMEM from a pin design. */
static int try_grab_page(struct mm_struct *mm, unsigned long addr,
			 struct page *page, unsigned int flags, int acct)
{
	if (is_zero_pfn(page_to_pfn(page)))
		return 0;	/* the zero page is never counted */
	if (flags & FOLL_PIN)
		return pincount_pin(mm, addr, page, acct);
	folio_get(page_folio(page));
	return 0;
}

/* Find, fault in and grab the page at @addr; *@flags may gain FOLL_TOUCH. */
static int get_one_page(struct vm_area_struct *vma, unsigned long addr,
			unsigned int *flags, int acct, struct page **out)
{
	struct page *page = NULL;
	int tries, served = 0, err;

	for (tries = 0; tries < 4 && !page; tries++) {
		bool unshare;

		page = follow_page(vma, addr, *flags, &unshare);
		if (page)
			break;
		if (*flags & GUP_FAST_FIRST)	/* the slow path from here */
			*flags = (*flags & ~GUP_FAST_FIRST) | FOLL_TOUCH;
		err = faultin_page(vma, addr, *flags, unshare);
		if (err == -EAGAIN) {	/* served by the monitor, or never */
			err = gup_wait_for_monitor(vma->vm_mm, *flags, &served);
			tries--;
		}
		if (err)
			return err;
	}
	if (!page)
		return -EFAULT;
	err = try_grab_page(vma->vm_mm, addr, page, *flags, acct);
	if (err)
		return err;
	VM_BUG_ON_PAGE((*flags & FOLL_PIN) && acct != PINS_PLAIN &&
		       folio_test_anon(page_folio(page)) && !PageAnonExclusive(page) &&
		       !(folio_test_large(page_folio(page)) &&
			 folio_entire_mapcount(page_folio(page)) &&
			 PageAnonExclusive(&page_folio(page)->page)),
		       page);
	*out = page;
	return 0;
}

static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int flags,
			     struct page **pages)
{
	int acct = pincount_acct();
	unsigned long i;

	if (flags & FOLL_PIN)
		mm->flags |= 1UL << MMF_HAS_PINNED;
	for (i = 0; i < nr_pages; i++) {
		unsigned long addr = start + i * PAGE_SIZE;
		struct vm_area_struct *vma = vma_lookup(mm, addr);
		int err = vma ? check_vma_flags(vma, flags) : -EFAULT;

		if (!err)
			err = get_one_page(vma, addr, &flags, acct, &pages[i]);
		if (err)
			return i ? (long)i : err;
	}
	return (long)i;
}

static void release_pages_flags(struct page **pages,
				unsigned long n, unsigned int flags, int acct)
{
	for (unsigned long i = 0; i < n; i++) {
		if (is_zero_pfn(page_to_pfn(pages[i])))
			continue;
		if (flags & FOLL_PIN)
			pincount_unpin(pages[i], acct);
		else
			folio_put(page_folio(pages[i]));
	}
}

/*
 * The kernel's checks, then __get_user_pages(): the number of pages
 * taken, fewer than asked when it stopped early, or an errno if it could
 * not take the first one.
 */
static long gup_checked(struct mm_struct *mm, unsigned long start,
			unsigned long nr_pages, unsigned int flags,
			struct page **pages)
{
	if (!is_valid_gup_args(flags))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!nr_pages)
		return 0;
	if (start >= TASK_SIZE || nr_pages > (TASK_SIZE - start) >> PAGE_SHIFT)
		return -EFAULT;
	return __get_user_pages(mm, start, nr_pages, flags, pages);
}

long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked)
{
	machine_enter(mm->machine);
	if (gup_flags & FOLL_GET)
		return -EINVAL;
	if (locked)	/* the caller may have the mmap lock dropped: it may wait */
		gup_flags |= FOLL_UNLOCKABLE;
	return gup_checked(mm, start, nr_pages,
			   gup_flags | FOLL_PIN | FOLL_TOUCH, pages);
}

long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked)
{
	machine_enter(mm->machine);
	if (gup_flags & FOLL_PIN)
		return -EINVAL;
	if (locked)
		gup_flags |= FOLL_UNLOCKABLE;
	return gup_checked(mm, start, nr_pages,
			   gup_flags | FOLL_GET | FOLL_TOUCH, pages);
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	if (!npages)
		return;
	release_pages_flags(pages, npages, FOLL_PIN, pincount_acct());
}

void put_user_pages(struct page **pages, unsigned long npages)
{
	if (npages)
		release_pages_flags(pages, npages,
				    FOLL_GET, PINS_PLAIN);
}

/* ---- /proc/PID/mem ----------------------------------------------------- */

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     size_t len, unsigned int gup_flags)
{
	size_t done = 0;

	while (done < len) {
		unsigned long a = addr + done;
		size_t off = a & ~PAGE_MASK, n = min(len - done, PAGE_SIZE - off);
		struct page *page;
		long got = get_user_pages_remote(mm, a & PAGE_MASK, 1, gup_flags,
						 &page, NULL);
		int err = 0;

		if (got < 0)
			return done ? (int)done : (int)got;
		if (gup_flags & FOLL_WRITE) {
			err = frame_write(page, off, (char *)buf + done, n);
			folio_mark_dirty(page_folio(page));
		} else {
			frame_read(page, off, (char *)buf + done, n);
		}
		put_user_pages(&page, 1);
		if (err)
			return err;
		done += n;
	}
	return (int)done;
}

/* mem_rw(): short writes stop; nothing written at all is -EIO. */
int proc_mem_write(struct task_struct *t, unsigned long addr, int byte,
		   size_t len)
{
	machine_enter(t->machine);
	static unsigned char buf[PAGE_SIZE];
	size_t done = 0;

	memset(buf, byte, sizeof(buf));
	while (done < len) {
		size_t n = min(len - done, sizeof(buf));
		int got = access_remote_vm(t->mm, addr + done, buf, n,
					   FOLL_FORCE | FOLL_WRITE);

		if (got <= 0)
			return done ? 0 : -EIO;
		done += got;
	}
	return 0;
}

/* ---- pin sets: the scenario's pins and read-only references ------------ */

static int pin_set_alloc(struct task_struct *t, unsigned long addr,
			 unsigned long len, unsigned int flags,
			 struct pin_set **out)
{
	unsigned long nr = PAGE_ALIGN(len + (addr & ~PAGE_MASK)) >> PAGE_SHIFT;
	struct pin_set *ps;

	if (!len || nr > (1UL << 24))
		return -EINVAL;
	ps = kzalloc(sizeof(*ps) + nr * sizeof(struct page *), GFP_KERNEL);
	if (!ps)
		return -ENOMEM;
	ps->m = t->machine;
	ps->mm = t->mm;
	ps->start = addr & PAGE_MASK;
	ps->nr = nr;
	ps->flags = flags;
	ps->acct = (flags & FOLL_PIN) ? pincount_acct() : PINS_PLAIN;
	*out = ps;
	return 0;
}

static int pin_set_fill(struct task_struct *t, struct pin_set *ps,
			unsigned int gup_flags, struct pin_set **out)
{
	long got;

	/*
	 * the host's pin_user_pages_fast() (io_uring) and get_user_pages_fast()
	 * (vmsplice), whose slow path may wait, for the process's own monitor
	 */
	got = gup_checked(t->mm, ps->start, ps->nr,
			  gup_flags | ps->flags | GUP_FAST_FIRST | FOLL_UNLOCKABLE |
			  GUP_OWN_MONITOR, ps->pages);
	/* all or nothing: a pin set that cannot hold every page fails */
	if (got >= 0 && (unsigned long)got < ps->nr) {
		release_pages_flags(ps->pages, got, ps->flags, ps->acct);
		got = -EFAULT;
	}
	if (got < 0) {
		kfree(ps);
		return (int)got;
	}
	list_add_tail(&ps->list, &ps->m->pin_sets);
	page_table_check_global(CHECK_PINS);
	*out = ps;
	return 0;
}

int pin_range(struct task_struct *t, unsigned long addr, unsigned long len,
	      bool ro, struct pin_set **out)
{
	machine_enter(t->machine);
	struct pin_set *ps;
	int err = pin_set_alloc(t, addr, len, FOLL_PIN, &ps);

	if (err)
		return err;
	ps->write = !ro;
	return pin_set_fill(t, ps, FOLL_LONGTERM | (ro ? 0 : FOLL_WRITE), out);
}

int gup_get_range(struct task_struct *t, const char *name, unsigned long addr,
		  unsigned long len, struct pin_set **out)
{
	struct pin_set *ps;
	int err;

	machine_enter(t->machine);
	if (!name[0] || strlen(name) >= sizeof(ps->name))
		return -EINVAL;
	if (pin_set_find(name))
		return -EEXIST;
	err = pin_set_alloc(t, addr, len, FOLL_GET, &ps);
	if (err)
		return err;
	strcpy(ps->name, name);
	return pin_set_fill(t, ps, 0, out);
}

void pin_set_name(struct pin_set *ps, const char *name)
{
	snprintf(ps->name, sizeof(ps->name), "%s", name);
}

struct pin_set *pin_set_find(const char *name)
{
	struct machine *m = current_machine();
	struct pin_set *ps;

	list_for_each_entry(ps, &m->pin_sets, list)
		if (!strcmp(ps->name, name))
			return ps;
	return NULL;
}

/* The byte every held page holds everywhere, or -1. */
int pin_set_read(struct pin_set *ps)
{
	static unsigned char buf[PAGE_SIZE];
	int byte = -1;

	for (unsigned long i = 0; i < ps->nr; i++) {
		frame_read(ps->pages[i], 0, buf, PAGE_SIZE);
		if (byte < 0)
			byte = buf[0];
		/* every byte is the first: each equals the next */
		if (buf[0] != byte || memcmp(buf, buf + 1, PAGE_SIZE - 1))
			return -1;
	}
	return byte;
}

void pin_release(struct pin_set *ps)
{
	machine_enter(ps->m);

	release_pages_flags(ps->pages, ps->nr, ps->flags, ps->acct);
	list_del(&ps->list);
	page_table_check_global(CHECK_PINS);
	kfree(ps);
}
