// SPDX-License-Identifier: GPL-2.0
/*
 * ruler.c - `maps --ruler`: the maps lines drawn as address-space
 * rulers, in the style of the comments of the kernel's tools/testing/vma
 * tests: a row of page numbers, and under it one letter per VMA over the
 * pages it spans ('.' where nothing is mapped).
 *
 *   100000000000: one column per page
 *    0         1
 *    01234567890123
 *    AAAA..BBBBBBBB
 *   A 100000000000-100000004000 rw-p 00000000
 *   B 100000006000-10000000e000 r--p 00000000
 *
 * VMAs closer than GAP_PAGES share a ruler; farther apart (the arena's
 * 1 GiB slots) each group gets its own.  A group wider than WIDTH pages is
 * scaled so that it fits, at least one column per VMA.  Works on any
 * backend: it draws from the maps text alone.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define WIDTH		64
#define GAP_PAGES	64UL
#define PAGE_SHIFT_	12

struct rvma {
	unsigned long start, end;	/* in pages */
	const char *line;
	int len;
};

static char vma_letter(int i)
{
	static const char letters[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	return i < (int)sizeof(letters) - 1 ? letters[i] : '+';	/* not '#': a comment */
}

static int parse_vmas(const char *text, struct rvma **out)
{
	struct rvma *v = NULL;
	int n = 0;

	for (const char *l = text; *l; ) {
		int k = strcspn(l, "\n");
		unsigned long s, e;

		if (sscanf(l, "%lx-%lx", &s, &e) == 2 && e > s) {
			v = xrealloc(v, (n + 1) * sizeof(*v));
			v[n++] = (struct rvma){ s >> PAGE_SHIFT_,
						 e >> PAGE_SHIFT_, l, k };
		}
		l += k + (l[k] == '\n');
	}
	*out = v;
	return n;
}

static void put(char **out, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*out = xrealloc(*out, *len + n + 1);
	memcpy(*out + *len, s, n + 1);
	*len += n;
}

/* One ruler for v[0..n), letters from @first. */
static void draw_group(char **out, size_t *len, const struct rvma *v, int n,
		       int first)
{
	unsigned long base = v[0].start, pages = v[n - 1].end - base;
	unsigned long per = (pages + WIDTH - 1) / WIDTH;
	unsigned long cols = (pages + per - 1) / per;
	char row[WIDTH + 2], head[96];
	char *tmp;

	snprintf(head, sizeof(head), "%lx: one column per %s\n",
		 base << PAGE_SHIFT_, per == 1 ? "page" : "");
	if (per > 1)
		snprintf(head + strlen(head) - 1, sizeof(head) - strlen(head) + 1,
			 "%lu pages\n", per);
	put(out, len, head);
	for (int pass = cols > 10 ? 0 : 1; pass < 2; pass++) {
		unsigned long w = pass ? cols : (cols - 1) / 10 * 10 + 1;

		for (unsigned long c = 0; c < w; c++)
			row[c] = pass ? '0' + c % 10 :
				 c % 10 ? ' ' : '0' + (c / 10) % 10;
		row[w] = '\0';
		tmp = xasprintf(" %s\n", row);
		put(out, len, tmp);
		free(tmp);
	}
	memset(row, '.', cols);
	for (int i = 0; i < n; i++) {
		unsigned long a = (v[i].start - base) / per;
		unsigned long b = (v[i].end - base + per - 1) / per;

		for (unsigned long c = a; c < b && c < cols; c++)
			row[c] = vma_letter(first + i);
	}
	tmp = xasprintf(" %s\n", row);
	put(out, len, tmp);
	free(tmp);
	for (int i = 0; i < n; i++) {
		tmp = xasprintf("%c %.*s\n", vma_letter(first + i), v[i].len,
				v[i].line);
		put(out, len, tmp);
		free(tmp);
	}
}

char *maps_ruler(const char *lines)
{
	struct rvma *v;
	int n = parse_vmas(lines, &v), i = 0;
	char *out = xstrdup("");
	size_t len = 0;

	while (i < n) {
		int j = i + 1;

		while (j < n && v[j].start - v[j - 1].end < GAP_PAGES)
			j++;
		draw_group(&out, &len, &v[i], j - i, i);
		i = j;
	}
	free(v);
	return out;
}
