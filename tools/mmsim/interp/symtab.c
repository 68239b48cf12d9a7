// SPDX-License-Identifier: GPL-2.0
/*
 * symtab.c - the scenario's name spaces.  Addresses, processes, files
 * and pins each have a table; an entry's index is its id (what the
 * backends see), so entries are never removed: rebinding a name
 * forgets the old entry, and exit/close/unpin only mark it dead.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

struct sym *sym_find(struct symtab *t, const char *name, size_t len)
{
	for (int i = t->n - 1; i >= 0; i--) {
		const char *s = t->v[i].name;

		if (s && strlen(s) == len && !strncmp(s, name, len))
			return &t->v[i];
	}
	return NULL;
}

struct sym *sym_lookup(struct symtab *t, const char *name)
{
	return sym_find(t, name, strlen(name));
}

/* A new entry; its index is its id.  An older one of that name is forgotten. */
int sym_add(struct symtab *t, const char *name, unsigned long val)
{
	struct sym *old = sym_lookup(t, name);

	if (old) {
		free(old->name);
		old->name = NULL;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n] = (struct sym){ xstrdup(name), val, true };
	return t->n++;
}

void sym_free(struct symtab *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}
