// SPDX-License-Identifier: GPL-2.0
/*
 * test_draw.c - the model-only views of the page tables (lib/model/draw.c)
 * that mmsim_ctl() prints: `rmap ADDR` walks every table of every process
 * for the entries mapping one frame, and lists a bounded number of them.
 */
#include <string.h>

#include "helpers.h"
#include "../../lib/internal.h"

/* Lines of @s that contain @what. */
static unsigned long count_lines(const struct seq_buf *s, const char *what)
{
	unsigned long n = 0;

	for (const char *p = s->buf; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/*
 * 5,120 entries map the zero page: rmap lists 4,096 and counts the rest,
 * so that a view of one frame cannot grow with every table in RAM.
 */
TEST(rmap_lists_at_most_4096_entries_and_counts_the_rest)
{
	struct fixture f;
	struct seq_buf s;
	char line[64];

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_NEVER), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 20UL << 20, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlock(f.t, ARENA, 20UL << 20), 0);	/* the zero page */
	CHECK_MM(f.m);
	seq_buf_init(&s);
	snprintf(line, sizeof(line), "rmap %#lx", ARENA + PG);
	ASSERT_EQ(mmsim_ctl(f.t, line, &s), 0);
	ASSERT_TRUE(strstr(s.buf, " zero refcount") != NULL);
	ASSERT_EQ(count_lines(&s, " entry pte "), 4096);
	ASSERT_TRUE(strstr(s.buf, "\nand 1024 more entries\n") != NULL);
	seq_buf_free(&s);
	/* a frame mapped once: one line, no count */
	ASSERT_EQ(map_anon(&f, ARENA + (64UL << 20), PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + (64UL << 20));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + (64UL << 20), 1, 1), 0);
	seq_buf_init(&s);
	snprintf(line, sizeof(line), "rmap %#lx", ARENA + (64UL << 20));
	ASSERT_EQ(mmsim_ctl(f.t, line, &s), 0);
	ASSERT_EQ(count_lines(&s, " entry pte "), 1);
	ASSERT_TRUE(strstr(s.buf, "more entries") == NULL);
	seq_buf_free(&s);
	machine_destroy(f.m);
}
