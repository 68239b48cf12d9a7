// SPDX-License-Identifier: GPL-2.0
/*
 * test_defio.c - deferred I/O (lib/drivers/video/fbdev/core/fb_defio.c) and the rmap helper it
 * flushes with, mapping_wrprotect_range() (lib/mm/rmap.c): write-protection
 * by mapping, offset and PFN, with or without struct page, and mm_check
 * invariant 7 (a writable framebuffer entry implies a listed page).
 */
#include "helpers.h"
#include "../../lib/internal.h"

static struct file *open_fb(struct fixture *f, const char *opts)
{
	struct file *file = NULL;

	return device_open(f->m, "fbdefio", opts, &file) ? NULL : file;
}

static long map_fb(struct fixture *f, struct file *file, unsigned long addr,
		   unsigned long len, int flags)
{
	return sys_mmap(f->t, addr, len, PROT_READ | PROT_WRITE,
			flags | MAP_FIXED_NOREPLACE, file, 0);
}

static pte_t *pte_at(struct task_struct *t, unsigned long addr)
{
	return walk_to_pte(t->mm, addr, NULL, NULL);
}

/* The answer of a model-only command, e.g. "defio_dirty 0x...". */
static const char *ctl(struct fixture *f, const char *cmd, unsigned long addr)
{
	static char answer[128];
	struct seq_buf out;
	char line[64];
	int err;

	snprintf(line, sizeof(line), "%s %#lx", cmd, addr);
	seq_buf_init(&out);
	err = mmsim_ctl(f->t, line, &out);
	snprintf(answer, sizeof(answer), "%s", err ? errno_name(err) : out.buf);
	seq_buf_free(&out);
	return answer;
}

TEST(mapping_wrprotect_range_of_no_mapping_is_zero)
{
	ASSERT_EQ(mapping_wrprotect_range(NULL, 0, 0, 1), 0);
}

TEST(mapping_wrprotect_range_cleans_special_entries_without_struct_page)
{
	struct fixture f;
	struct file *fb;
	unsigned long pfn;

	ASSERT_EQ(fixture_init(&f), 0);
	fb = open_fb(&f, "pages=2 kmemfb=on");
	ASSERT_TRUE(fb != NULL);
	ASSERT_EQ(map_fb(&f, fb, ARENA, 2 * PG, MAP_SHARED), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 7, 1), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(pte_special(*pte_at(f.t, ARENA + PG)));
	ASSERT_TRUE(pte_write(*pte_at(f.t, ARENA + PG)));
	pfn = pte_pfn(*pte_at(f.t, ARENA + PG));
	/* wrong pfn or wrong offset: nothing */
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 1, pfn + 1, 1), 0);
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 0, pfn, 1), 0);
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 1, pfn, 1), 1);
	CHECK_MM(f.m);
	ASSERT_FALSE(pte_write(*pte_at(f.t, ARENA + PG)));
	ASSERT_FALSE(pte_dirty(*pte_at(f.t, ARENA + PG)));
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 1, pfn, 1), 0);
	fput(fb);
	machine_destroy(f.m);
}

TEST(folio_mkclean_misses_driver_pages_that_mapping_wrprotect_range_finds)
{
	struct fixture f;
	struct page *page;
	struct file *fb;

	ASSERT_EQ(fixture_init(&f), 0);
	fb = open_fb(&f, "pages=1");
	ASSERT_TRUE(fb != NULL);
	ASSERT_EQ(map_fb(&f, fb, ARENA, PG, MAP_SHARED), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 1), 0);
	CHECK_MM(f.m);
	page = pfn_to_page(pte_pfn(*pte_at(f.t, ARENA)));
	/* no page->mapping, no page->index: the folio rmap finds nothing */
	ASSERT_EQ(folio_mkclean(page_folio(page)), 0);
	ASSERT_TRUE(pte_write(*pte_at(f.t, ARENA)));
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 0,
					  page_to_pfn(page), 1), 1);
	ASSERT_FALSE(pte_write(*pte_at(f.t, ARENA)));
	CHECK_MM(f.m);
	fput(fb);
	machine_destroy(f.m);
}

TEST(mapping_wrprotect_range_skips_private_mappings)
{
	struct fixture f;
	struct file *fb;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	fb = open_fb(&f, "pages=1");
	ASSERT_TRUE(fb != NULL);
	ASSERT_EQ(map_fb(&f, fb, ARENA, PG, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	CHECK_MM(f.m);
	/* a dirty read-only entry of the framebuffer page in a COW mapping */
	ptep = pte_at(f.t, ARENA);
	*ptep = pte_mkdirty(*ptep);
	ASSERT_EQ(mapping_wrprotect_range(fb->f_mapping, 0, pte_pfn(*ptep), 1), 0);
	ASSERT_TRUE(pte_dirty(*ptep));
	CHECK_MM(f.m);
	fput(fb);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_defio_entry_not_on_the_dirty_list)
{
	const char *const kinds[] = { "pages=2", "pages=2 kmemfb=on" };

	for (int i = 0; i < 2; i++) {
		struct fixture f;
		struct file *fb;
		pte_t *ptep;

		ASSERT_EQ(fixture_init(&f), 0);
		fb = open_fb(&f, kinds[i]);
		ASSERT_TRUE(fb != NULL);
		ASSERT_EQ(map_fb(&f, fb, ARENA, 2 * PG, MAP_SHARED), ARENA);
		ASSERT_EQ(peek(f.t, ARENA), 0);
		CHECK_MM(f.m);
		ptep = pte_at(f.t, ARENA);
		ASSERT_FALSE(pte_write(*ptep));
		*ptep = pte_mkwrite(*ptep);	/* a write the driver never hears of */
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "dirty list") != NULL);
		*ptep = pte_wrprotect(*ptep);
		CHECK_MM(f.m);
		fput(fb);
		machine_destroy(f.m);
	}
}

TEST(defio_flush_leaves_no_listed_page_writable)
{
	struct fixture f;
	struct task_struct *child;
	struct file *fb;

	ASSERT_EQ(fixture_init(&f), 0);
	fb = open_fb(&f, "pages=3 kmemfb=on");
	ASSERT_TRUE(fb != NULL);
	ASSERT_EQ(map_fb(&f, fb, ARENA, 3 * PG, MAP_SHARED), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(child, ARENA + 2 * PG, 2, 1), 0);
	ASSERT_EQ(uaccess_memset(child, ARENA, 3, 1), 0);
	CHECK_MM(f.m);
	ASSERT_STREQ(ctl(&f, "defio_dirty", ARENA), "2 0");
	/* page 2 in both processes (fork copied the writable entry), 0 in one */
	ASSERT_STREQ(ctl(&f, "defio_flush", ARENA), "3");
	CHECK_MM(f.m);
	ASSERT_FALSE(pte_write(*pte_at(f.t, ARENA + 2 * PG)));
	ASSERT_FALSE(pte_write(*pte_at(child, ARENA + 2 * PG)));
	ASSERT_FALSE(pte_write(*pte_at(child, ARENA)));
	ASSERT_STREQ(ctl(&f, "defio_dirty", ARENA), "none");
	ASSERT_STREQ(ctl(&f, "defio_written", ARENA), "2 0");
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 4, 1), 0);
	ASSERT_STREQ(ctl(&f, "defio_dirty", ARENA), "2");
	CHECK_MM(f.m);
	fput(fb);
	machine_destroy(f.m);
}

TEST(defio_commands_refuse_other_mappings_and_holes)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_STREQ(ctl(&f, "defio_flush", ARENA), "ENODEV");
	ASSERT_STREQ(ctl(&f, "defio_dirty", ARENA + PG), "EFAULT");
	ASSERT_STREQ(ctl(&f, "defio_written", 0), "EFAULT");
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(fbdefio_open_refuses_bad_options_and_survives_enomem)
{
	struct fixture f;
	struct file *fb = NULL;
	unsigned long n, injected, free_before;
	long objects_before;
	int err;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "fbdefio", "pages=0", &fb), -EINVAL);
	ASSERT_EQ(device_open(f.m, "fbdefio", "pages=4097", &fb), -EINVAL);
	ASSERT_EQ(device_open(f.m, "fbdefio", "pages=2x", &fb), -EINVAL);
	ASSERT_EQ(device_open(f.m, "fbdefio", "kmemfb=1", &fb), -EINVAL);
	ASSERT_EQ(device_open(f.m, "fbdefio", "size=1", &fb), -EINVAL);
	free_before = f.m->nr_free;
	objects_before = f.m->live_objects;
	for (n = 1;; n++) {
		mmsim_fail_nth(f.m, n);
		err = device_open(f.m, "fbdefio", "pages=3", &fb);
		injected = mmsim_fail_injected(f.m);
		mmsim_fail_nth(f.m, 0);
		if (!injected)
			break;
		ASSERT_EQ(err, -ENOMEM);
		/* everything the failed open allocated is given back */
		ASSERT_EQ(f.m->nr_free, free_before);
		ASSERT_EQ(f.m->live_objects, objects_before);
		CHECK_MM(f.m);
	}
	ASSERT_EQ(err, 0);
	ASSERT_GT(n, 5);
	fput(fb);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
