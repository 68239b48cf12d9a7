// SPDX-License-Identifier: GPL-2.0
/*
 * test_driver.c - the driver API (include/mmsim/driver.h) as a driver
 * uses it: registration and its refusals, opening by name, option
 * parsing, vmalloc memory and page contents, the model-only commands a
 * driver adds, design look-up, and allocation failure while drivers open
 * and map (lib/drivers/base/driver.c, lib/mm/vmalloc.c).
 */
#include "helpers.h"
#include "../../lib/internal.h"

/* ---- options ------------------------------------------------------------ */

TEST(driver_option_ulong_takes_suffixes_within_bounds_and_keeps_defaults)
{
	unsigned long v = 7;

	ASSERT_EQ(driver_option_ulong("x=1", "pages", 1, 10, &v), 0);
	ASSERT_EQ(v, 7);			/* absent: default kept */
	ASSERT_EQ(driver_option_ulong("pages=0x10", "pages", 1, 100, &v), 0);
	ASSERT_EQ(v, 16);
	ASSERT_EQ(driver_option_ulong("size=2p", "size", 1, ~0UL, &v), 0);
	ASSERT_EQ(v, 2 * PG);
	ASSERT_EQ(driver_option_ulong("size=4K", "size", 1, ~0UL, &v), 0);
	ASSERT_EQ(v, 4096);
	ASSERT_EQ(driver_option_ulong("size=1g", "size", 1, ~0UL, &v), 0);
	ASSERT_EQ(v, 1UL << 30);
	v = 5;
	ASSERT_EQ(driver_option_ulong("pages=11", "pages", 1, 10, &v), -EINVAL);
	ASSERT_EQ(driver_option_ulong("pages=0", "pages", 1, 10, &v), -EINVAL);
	ASSERT_EQ(driver_option_ulong("pages=3x", "pages", 1, 10, &v), -EINVAL);
	ASSERT_EQ(driver_option_ulong("pages=", "pages", 0, 10, &v), -EINVAL);
	ASSERT_EQ(driver_option_ulong("pages=-1", "pages", 0, ~0UL, &v), -EINVAL);
	ASSERT_EQ(driver_option_ulong("size=99999999999999999g", "size", 0, ~0UL, &v), -EINVAL);
	ASSERT_EQ(v, 5);			/* untouched by a bad value */
}

TEST(kstrtolen_takes_units_in_either_case_and_refuses_signs_and_overflow)
{
	unsigned long v = 7;

	ASSERT_EQ(kstrtolen("0x2000", &v), 0);
	ASSERT_EQ(v, 8192);
	ASSERT_EQ(kstrtolen("2P", &v), 0);
	ASSERT_EQ(v, 8192);
	ASSERT_EQ(kstrtolen("3m", &v), 0);
	ASSERT_EQ(v, 3UL << 20);
	v = 7;
	ASSERT_EQ(kstrtolen("-1", &v), -EINVAL);
	ASSERT_EQ(kstrtolen("1t", &v), -EINVAL);
	ASSERT_EQ(kstrtolen("1kk", &v), -EINVAL);
	ASSERT_EQ(kstrtolen("", &v), -EINVAL);
	ASSERT_EQ(kstrtolen("17179869184g", &v), -EINVAL);
	ASSERT_EQ(v, 7);
}

TEST(driver_option_bool_and_match_accept_only_their_words)
{
	static const char *const modes[] = { "wb", "wc", "uc-", NULL };
	bool b = false;
	int m = 0;

	ASSERT_EQ(driver_option_bool("notify=on", "notify", &b), 0);
	ASSERT_TRUE(b);
	ASSERT_EQ(driver_option_bool("notify=off", "notify", &b), 0);
	ASSERT_FALSE(b);
	ASSERT_EQ(driver_option_bool("notify=yes", "notify", &b), -EINVAL);
	ASSERT_EQ(driver_option_match("cache=uc- x=1", "cache", modes, &m), 0);
	ASSERT_EQ(m, 2);
	ASSERT_EQ(driver_option_match("cache=uc", "cache", modes, &m), -EINVAL);
	ASSERT_EQ(m, 2);
	ASSERT_EQ(driver_option_match("", "cache", modes, &m), 0);
	ASSERT_EQ(m, 2);
}

TEST(driver_option_value_too_long_is_an_error_not_an_absent_key)
{
	static const char *const modes[] = { "wb", NULL };
	char opts[160];
	unsigned long v = 7;
	bool b = true;
	int m = 0;

	snprintf(opts, sizeof(opts), "cache=wb%0100d", 0);
	ASSERT_EQ(driver_option_match(opts, "cache", modes, &m), -EINVAL);
	ASSERT_EQ(m, 0);
	snprintf(opts, sizeof(opts), "notify=on%0100d", 0);
	ASSERT_EQ(driver_option_bool(opts, "notify", &b), -EINVAL);
	snprintf(opts, sizeof(opts), "pages=%0100d1", 0);
	ASSERT_EQ(driver_option_ulong(opts, "pages", 0, ~0UL, &v), -EINVAL);
	ASSERT_EQ(v, 7);
	/* a long word of another key does not hide the one asked for */
	snprintf(opts, sizeof(opts), "x=%0100d cache=wb", 0);
	ASSERT_EQ(driver_option_match(opts, "cache", modes, &m), 0);
}

TEST(driver_option_copies_a_value_that_fits_or_says_why_not)
{
	char buf[4];

	ASSERT_EQ(driver_option("a=1 key=abc", "key", buf, sizeof(buf)), 0);
	ASSERT_STREQ(buf, "abc");
	ASSERT_EQ(driver_option("key=abcd", "key", buf, sizeof(buf)), -EINVAL);
	ASSERT_EQ(driver_option("keys=1", "key", buf, sizeof(buf)), -ENOENT);
}

/* ---- registration and opening ------------------------------------------ */

static int opens, releases;

/* never registered: mmsim_driver_data() has no slot for it */
static const struct mmsim_driver vm_driver_unregistered = { .name = "test-unreg" };

static void td_release(struct file *file)
{
	releases++;
	kfree(file->private_data);
}

static int td_open(struct file *file, const char *options)
{
	bool fail = false;

	opens++;
	if (driver_option_bool(options, "fail", &fail))
		return -EINVAL;
	if (fail)
		return -EIO;
	file->private_data = kzalloc(16, GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static const struct file_operations td_fops = { .name = "/dev/td", .release = td_release };

static int td_cmd(struct vm_area_struct *vma, int argc, char **argv,
		  struct seq_buf *out)
{
	seq_buf_printf(out, "td %lx", vma->vm_start);
	return 0;
}

static const struct mmsim_driver_command td_commands[] = {
	{ "td_where", 1, 1, "td_where ADDR", "where the td mapping starts", td_cmd },
	{ NULL },
};

static const struct mmsim_driver td_driver = {
	.name = "test-td",
	.fops = &td_fops,
	.options = (const char *const[]){ "fail", NULL },
	.open = td_open,
	.commands = td_commands,
};

static void register_td(void)
{
	int err = mmsim_driver_register(&td_driver);

	if (err && err != -EEXIST)
		fprintf(stderr, "register test-td: %d\n", err);
}

TEST(driver_registration_refuses_nameless_duplicates_and_clashing_commands)
{
	static const struct mmsim_driver_command clash[] = {
		{ "entry", 1, 1, "entry ADDR", "clashes with the library's", td_cmd },
		{ NULL },
	};
	static const struct mmsim_driver_command no_fn[] = {
		{ "td_nofn", 1, 1, "td_nofn ADDR", "no function", NULL },
		{ NULL },
	};
	static const struct mmsim_driver nameless = { .fops = &td_fops };
	static const struct mmsim_driver no_fops = { .name = "test-nofops" };
	static const struct mmsim_driver dup = { .name = "perf", .fops = &td_fops };
	static const struct mmsim_driver cmd_clash = {
		.name = "test-clash", .fops = &td_fops, .commands = clash,
	};
	static const struct mmsim_driver cmd_nofn = {
		.name = "test-nofn", .fops = &td_fops, .commands = no_fn,
	};

	ASSERT_EQ(mmsim_driver_register(NULL), -EINVAL);
	ASSERT_EQ(mmsim_driver_register(&nameless), -EINVAL);
	ASSERT_EQ(mmsim_driver_register(&no_fops), -EINVAL);
	ASSERT_EQ(mmsim_driver_register(&dup), -EEXIST);
	ASSERT_EQ(mmsim_driver_register(&cmd_clash), -EEXIST);
	ASSERT_EQ(mmsim_driver_register(&cmd_nofn), -EINVAL);
	ASSERT_TRUE(mmsim_driver_find("test-clash") == NULL);
	ASSERT_TRUE(mmsim_driver_find("test-nofn") == NULL);
	ASSERT_TRUE(mmsim_driver_is_builtin(mmsim_driver_find("perf")));
	register_td();
	ASSERT_TRUE(mmsim_driver_find("test-td") == &td_driver);
	ASSERT_FALSE(mmsim_driver_is_builtin(&td_driver));
	ASSERT_EQ(mmsim_driver_register(&td_driver), -EEXIST);
}

TEST(device_open_finds_drivers_by_name_and_checks_options_first)
{
	struct fixture f;
	struct file *file = NULL;

	register_td();
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "no-such-driver", "", &file), -ENODEV);
	opens = releases = 0;
	ASSERT_EQ(device_open(f.m, "test-td", "colour=red", &file), -EINVAL);
	ASSERT_EQ(opens, 0);			/* refused before ->open */
	ASSERT_EQ(device_open(f.m, "test-td", "fail=on", &file), -EIO);
	ASSERT_EQ(opens, 1);
	ASSERT_EQ(releases, 0);			/* no ->release after a failed open */
	ASSERT_EQ(device_open(f.m, "test-td", NULL, &file), 0);
	ASSERT_TRUE(mmsim_file_driver(file) == &td_driver);
	ASSERT_TRUE(file->f_op == &td_fops);
	fput(file);
	ASSERT_EQ(releases, 1);
	sys_exit(f.t);
	CHECK_MM(f.m);				/* nothing of the failed opens left */
	machine_destroy(f.m);
}

TEST(driver_commands_join_the_model_only_list_and_find_their_vma)
{
	struct mmsim_ctl_command cc;
	struct fixture f;
	struct file *file, *memfd;
	struct seq_buf out;
	char line[64];
	bool listed = false;

	register_td();
	ASSERT_TRUE(mmsim_ctl_lookup("td_where", &cc));
	ASSERT_STREQ(cc.usage, "td_where ADDR");
	ASSERT_TRUE(mmsim_ctl_lookup("defio_flush", &cc));	/* a built-in driver's */
	ASSERT_TRUE(mmsim_ctl_lookup("entry", &cc));		/* the library's */
	ASSERT_FALSE(mmsim_ctl_lookup("no_such_command", &cc));
	for (unsigned int i = 0; mmsim_ctl_command(i, &cc); i++)
		listed |= !strcmp(cc.name, "td_where");
	ASSERT_TRUE(listed);

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "test-td", "", &file), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &memfd), 0);
	ASSERT_EQ(vfs_truncate(memfd, PG), 0);
	/* td has no ->mmap: map a memfd, which is nobody's driver */
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   memfd, 0), (long)ARENA);
	seq_buf_init(&out);
	snprintf(line, sizeof(line), "td_where 0x%lx", ARENA);
	ASSERT_EQ(mmsim_ctl(f.t, line, &out), -ENODEV);
	snprintf(line, sizeof(line), "td_where 0x%lx", ARENA + 5 * PG);
	ASSERT_EQ(mmsim_ctl(f.t, line, &out), -EFAULT);
	ASSERT_EQ(mmsim_ctl(f.t, "td_where zz", &out), -EINVAL);
	ASSERT_EQ(mmsim_ctl(f.t, "td_where", &out), -EINVAL);
	seq_buf_free(&out);
	fput(file);
	fput(memfd);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mmsim_design_reads_a_switch_by_key)
{
	struct fixture f;
	struct seq_buf out;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(mmsim_design("perf"), 0);
	seq_buf_init(&out);
	ASSERT_EQ(mmsim_ctl(f.t, "design perf=mixedmap", &out), 0);
	seq_buf_free(&out);
	ASSERT_EQ(mmsim_design("perf"), 2);
	ASSERT_EQ(mmsim_design("no-such-design"), -EINVAL);
	machine_destroy(f.m);
}

TEST(driver_option_design_takes_the_tables_words_or_consults_the_switch)
{
	struct fixture f;
	struct seq_buf out;
	int v = -1;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	seq_buf_init(&out);
	ASSERT_EQ(mmsim_ctl(f.t, "design mixed defio=mkclean", &out), 0);
	seq_buf_free(&out);
	f.m->design_touched = 0;
	ASSERT_EQ(driver_option_design("design=kmemfb", "design", "defio", &v), 0);
	ASSERT_EQ(v, 2);
	ASSERT_EQ(f.m->design_touched, 0);	/* the option decided */
	ASSERT_EQ(driver_option_design("pages=2", "design", "defio", &v), 0);
	ASSERT_EQ(v, 0);			/* the switch: mkclean */
	ASSERT_TRUE(f.m->design_touched & (1u << DESIGN_DEFIO));
	v = 7;
	ASSERT_EQ(driver_option_design("design=bogus", "design", "defio", &v), -EINVAL);
	ASSERT_EQ(driver_option_design("design=mkcleanmkcleanmkcleanmkcleanmkclean",
				       "design", "defio", &v), -EINVAL);
	ASSERT_EQ(driver_option_design("design=mkclean", "design", "no-such", &v), -EINVAL);
	ASSERT_EQ(v, 7);
	machine_destroy(f.m);
}

TEST(driver_data_is_per_machine_zeroed_and_freed_with_it)
{
	struct fixture f, g;
	int *a, *b;

	register_td();
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(fixture_init(&g), 0);
	machine_enter(f.m);
	a = mmsim_driver_data(&td_driver, sizeof(int));
	ASSERT_TRUE(a != NULL);
	ASSERT_EQ(*a, 0);
	*a = 7;
	ASSERT_TRUE(mmsim_driver_data(&td_driver, sizeof(int)) == a);
	machine_enter(g.m);
	b = mmsim_driver_data(&td_driver, sizeof(int));
	ASSERT_TRUE(b != NULL && b != a);
	ASSERT_EQ(*b, 0);
	ASSERT_TRUE(mmsim_driver_data(&vm_driver_unregistered, sizeof(int)) == NULL);
	ASSERT_TRUE(mmsim_driver_data(&td_driver, 0) == NULL);
	machine_destroy(g.m);	/* ASan: the data goes with the machine */
	machine_destroy(f.m);
}

TEST(kstrtoul_takes_a_whole_number_and_nothing_else)
{
	unsigned long v = 99;

	ASSERT_EQ(kstrtoul("42", 0, &v), 0);
	ASSERT_EQ(v, 42);
	ASSERT_EQ(kstrtoul("0x10", 0, &v), 0);
	ASSERT_EQ(v, 16);
	ASSERT_EQ(kstrtoul("ff", 16, &v), 0);
	ASSERT_EQ(v, 255);
	v = 5;
	ASSERT_EQ(kstrtoul("", 0, &v), -EINVAL);
	ASSERT_EQ(kstrtoul("12x", 0, &v), -EINVAL);
	ASSERT_EQ(kstrtoul("-1", 0, &v), -EINVAL);
	ASSERT_EQ(kstrtoul(" 1", 0, &v), -EINVAL);
	ASSERT_EQ(kstrtoul("99999999999999999999999", 10, &v), -ERANGE);
}

/* ---- kernel memory ------------------------------------------------------ */

TEST(vmalloc_is_order0_pages_reached_by_address_and_freed_whole)
{
	struct fixture f;
	unsigned char b;
	char *v;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_TRUE(vmalloc(0) == NULL);
	v = vmalloc(2 * PG + 1);		/* three pages */
	ASSERT_TRUE(v != NULL);
	ASSERT_TRUE(vmalloc_to_page(v) != vmalloc_to_page(v + PG));
	ASSERT_TRUE(vmalloc_to_page(v + 2 * PG + 5) != NULL);
	ASSERT_TRUE(vmalloc_to_page(v + 3 * PG) == NULL);	/* the guard page */
	ASSERT_TRUE(vmalloc_to_page(v - 1) == NULL);
	memcpy_to_page(vmalloc_to_page(v + PG), 7, "x", 1);
	memcpy_from_page(&b, vmalloc_to_page(v + PG), 7, 1);
	ASSERT_EQ(b, 'x');
	memcpy_from_page(&b, vmalloc_to_page(v), 7, 1);
	ASSERT_EQ(b, 0);			/* zeroed */
	vfree(v);
	vfree(NULL);
	ASSERT_TRUE(vmalloc_to_page(v) == NULL);
	sys_exit(f.t);
	CHECK_MM(f.m);				/* every page and record freed */
	machine_destroy(f.m);
}

TEST(vfree_of_an_address_inside_an_area_is_a_reported_driver_error)
{
	struct fixture f;
	char *v;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	v = vmalloc(2 * PG);
	vfree(v + PG);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not the start of a vmalloc area") != NULL);
	CHECK_MM(f.m);				/* reported once */
	vfree(v);
	machine_destroy(f.m);
}

TEST(page_contents_past_the_page_are_refused_and_reported)
{
	struct fixture f;
	struct page *page;
	char buf[8] = "abcdefg";

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	page = alloc_page(GFP_KERNEL);
	memcpy_to_page(page, PG - 4, buf, 8);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "memcpy_to_page") != NULL);
	memset_page(page, PG, 1, 1);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	memset_page(page, PG - 1, 0x41, 1);
	memcpy_from_page(buf, page, PG - 1, 1);
	ASSERT_EQ(buf[0], 0x41);
	CHECK_MM(f.m);
	put_page(page);
	machine_destroy(f.m);
}

static int vm_open(struct file *file, const char *options)
{
	file->private_data = vmalloc(2 * PG);
	if (!file->private_data)
		return -ENOMEM;
	memset_page(vmalloc_to_page((char *)file->private_data + PG), 0, 0x77, PG);
	return 0;
}

static int vm_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, file->private_data, vma->vm_pgoff);
}

static void vm_release(struct file *file)
{
	vfree(file->private_data);
}

static const struct file_operations vm_fops = {
	.name = "/dev/vm", .mmap = vm_mmap, .release = vm_release,
};
static const struct mmsim_driver vm_driver = {
	.name = "test-vmalloc", .fops = &vm_fops, .open = vm_open,
};

TEST(remap_vmalloc_range_maps_the_area_and_refuses_past_it)
{
	struct fixture f;
	struct file *file;
	int err = mmsim_driver_register(&vm_driver);

	ASSERT_TRUE(!err || err == -EEXIST);
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "test-vmalloc", "", &file), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0), (long)ARENA);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0x77);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x12, 1), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + 4 * PG, 2 * PG, PROT_READ,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, file, PG), -EINVAL);
	CHECK_MM(f.m);
	fput(file);		/* the mapping holds the file: pages stay */
	ASSERT_EQ(peek(f.t, ARENA), 0x12);
	sys_exit(f.t);
	CHECK_MM(f.m);		/* and go with the last mapping */
	machine_destroy(f.m);
}

TEST(kernel_pages_remember_the_driver_that_allocated_them)
{
	struct fixture f;
	struct file *file;
	struct page *page;
	int err = mmsim_driver_register(&vm_driver);

	ASSERT_TRUE(!err || err == -EEXIST);
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "test-vmalloc", "", &file), 0);
	machine_enter(f.m);
	ASSERT_STREQ(driver_page_owner(vmalloc_to_page(file->private_data)),
		     "test-vmalloc");
	page = alloc_page(GFP_KERNEL);		/* outside any driver */
	ASSERT_TRUE(driver_page_owner(page) == NULL);
	put_page(page);
	fput(file);
	machine_destroy(f.m);
}

/* ---- allocation failure while drivers open, map and fault --------------- */

static int open_map_touch(struct fixture *f, const char *dev, const char *opts,
			  unsigned long addr, unsigned long len, bool *bad)
{
	struct file *file = NULL;
	long r = device_open(f->m, dev, opts, &file);

	if (r && r != -ENOMEM)
		fprintf(stderr, "    %s open: %ld\n", dev, r), *bad = true;
	if (r)
		return 0;
	r = sys_mmap(f->t, addr, len, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0);
	/* mmap_mem() reports any remap_pfn_range() failure as EAGAIN */
	if (r < 0 && r != -ENOMEM && !(r == -EAGAIN && !strcmp(dev, "mem")))
		fprintf(stderr, "    %s mmap: %ld\n", dev, r), *bad = true;
	if (r > 0) {
		int sig = uaccess_memset(f->t, addr, 1, len);

		/* a fault out of memory: -ENOMEM today (the OOM path is issue 13's) */
		if (sig && sig != SIGBUS && sig != -ENOMEM)
			fprintf(stderr, "    %s store: signal %d\n", dev, sig), *bad = true;
	}
	fput(file);
	return 0;
}

TEST(allocation_failure_in_drivers_leaves_the_model_consistent_and_leak_free)
{
	unsigned long n;

	for (n = 1; n < 100000; n++) {
		struct fixture f;
		unsigned long injected;
		bool bad = false;

		ASSERT_EQ(fixture_init(&f), 0);
		mmsim_fail_nth(f.m, n);
		open_map_touch(&f, "kbuf", "pages=3 hook=prepare", ARENA, 3 * PG, &bad);
		open_map_touch(&f, "fbdefio", "pages=2 kmemfb=on", ARENA + PG * 8, 2 * PG, &bad);
		open_map_touch(&f, "perf", "design=mixedmap", ARENA + PG * 16, 3 * PG, &bad);
		open_map_touch(&f, "perf", "", ARENA + PG * 24, 3 * PG, &bad);
		open_map_touch(&f, "mem", "", ARENA + PG * 32, 2 * PG, &bad);
		injected = mmsim_fail_injected(f.m);
		mmsim_fail_nth(f.m, 0);
		if (bad)
			TEST_FAIL("n=%lu: a call failed with neither success nor ENOMEM", n);
		CHECK_MM(f.m);
		sys_exit(f.t);
		CHECK_MM(f.m);		/* no task or file: leak check */
		machine_destroy(f.m);
		if (!injected)
			break;
	}
	ASSERT_GT(n, 10);
}

TEST(pages_a_driver_allocates_in_mmap_are_its_own_but_page_tables_are_not)
{
	struct fixture f;
	struct file *file;
	pmd_t *pmd = NULL;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "perf", "", &file), 0);	/* ring: at mmap */
	ASSERT_EQ(sys_mmap(f.t, ARENA, 3 * PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0), (long)ARENA);
	machine_enter(f.m);
	ptep = walk_to_pte(f.t->mm, ARENA + PG, NULL, NULL);
	ASSERT_TRUE(ptep && pte_present(*ptep));
	ASSERT_STREQ(driver_page_owner(pfn_to_page(pte_pfn(*ptep))), "perf");
	pmd = pmd_offset(f.t->mm, pud_offset(f.t->mm, pgd_offset(f.t->mm, ARENA), ARENA), ARENA);
	ASSERT_TRUE(driver_page_owner(pfn_to_page(pmd_pfn(*pmd))) == NULL);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}
