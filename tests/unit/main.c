// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - the unit-test runner: every registered TEST(), or those whose
 * name contains the first argument; prints failures as they happen and
 * ends with "unit: N passed, N failed".
 */
#include <stdlib.h>

#include "test.h"

static struct unit_test *tests;
static struct unit_test **tail = &tests;
int test_failed;

void test_register(struct unit_test *t)
{
	*tail = t;
	tail = &t->next;
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;

	for (struct unit_test *t = tests; t; t = t->next) {
		if (filter && !strstr(t->name, filter))
			continue;
		test_failed = 0;
		t->fn();
		if (test_failed) {
			fprintf(stderr, "FAIL %s (%s)\n", t->name, t->file);
			failed++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
