/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test.h - the unit-test harness.  A test is
 *
 *	TEST(anon_write_fault_maps_exclusive_page)
 *	{
 *		...
 *		ASSERT_EQ(folio_mapcount(folio), 1);
 *	}
 *
 * named by the property it checks.  TEST() registers it at load time, so
 * a new test file needs no central list.  ASSERT_* print the values and
 * file:line and end the test; CHECK_MM(m) runs mm_check() and fails the
 * test with its report.  The runner (main.c) runs all tests, or those
 * whose name contains argv[1], and ends with "N passed, N failed".
 */
#ifndef MMSIM_TEST_H
#define MMSIM_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <mmsim/mmsim.h>

struct unit_test {
	const char *name;
	const char *file;
	void (*fn)(void);
	struct unit_test *next;
};

void test_register(struct unit_test *t);
extern int test_failed;

#define TEST(name)							\
	static void test_##name(void);					\
	static struct unit_test test_desc_##name = {			\
		#name, __FILE__, test_##name, NULL };			\
	__attribute__((constructor)) static void test_reg_##name(void)	\
	{ test_register(&test_desc_##name); }				\
	static void test_##name(void)

#define TEST_FAIL(...) do {						\
		fprintf(stderr, "  %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fprintf(stderr, "\n");					\
		test_failed = 1;					\
		return;							\
	} while (0)

#define ASSERT_TRUE(c) do { if (!(c)) TEST_FAIL("assertion failed: %s", #c); } while (0)
#define ASSERT_FALSE(c) ASSERT_TRUE(!(c))

#define ASSERT_CMP(a, op, b) do {					\
		int64_t a_ = (int64_t)(a), b_ = (int64_t)(b);		\
		if (!(a_ op b_))					\
			TEST_FAIL("%s %s %s: %" PRId64 " (0x%" PRIx64	\
				  ") vs %" PRId64 " (0x%" PRIx64 ")",	\
				  #a, #op, #b, a_, (uint64_t)a_, b_,	\
				  (uint64_t)b_);			\
	} while (0)
#define ASSERT_EQ(a, b) ASSERT_CMP(a, ==, b)
#define ASSERT_NE(a, b) ASSERT_CMP(a, !=, b)
#define ASSERT_LT(a, b) ASSERT_CMP(a, <, b)
#define ASSERT_LE(a, b) ASSERT_CMP(a, <=, b)
#define ASSERT_GT(a, b) ASSERT_CMP(a, >, b)
#define ASSERT_GE(a, b) ASSERT_CMP(a, >=, b)

#define ASSERT_STREQ(a, b) do {						\
		const char *a_ = (a), *b_ = (b);			\
		if (!a_ || !b_ || strcmp(a_, b_))			\
			TEST_FAIL("%s == %s: \"%s\" vs \"%s\"", #a, #b,	\
				  a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)

#define CHECK_MM(m) do {						\
		if (mm_check(m))					\
			TEST_FAIL("mm_check: %s", mm_check_report(m));	\
	} while (0)

#endif /* MMSIM_TEST_H */
