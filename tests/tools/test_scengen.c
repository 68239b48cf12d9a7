// SPDX-License-Identifier: GPL-2.0
/*
 * test_scengen.c - the fuzz mutator's name rules (interp/scengen_names.c):
 * scenarios whose names are mended by gen_fix_names() must run on the
 * model without a malformed line, and the rules must say which token is
 * wrong.  Run by make test; prints "scengen: N passed, N failed".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "interp/interp.h"
#include "interp/scengen.h"

static int passed, failed;

#define CHECK(cond, ...) do {						\
	if (cond) {							\
		passed++;						\
	} else {							\
		failed++;						\
		printf("FAIL %s:%d: ", __func__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	}								\
} while (0)

/* @src's lines through gen_fix_names(), joined; *@n is the line count. */
static char *fixed(const char *src, uint64_t seed, int *n)
{
	struct gen g = { .state = seed * 0x9e3779b97f4a7c15ULL + 1 };
	char *v[64], *copy = strdup(src), *save, *out;
	size_t len = 0;

	*n = 0;
	for (char *t = strtok_r(copy, "\n", &save); t && *n < 64; t = strtok_r(NULL, "\n", &save))
		v[(*n)++] = strdup(t);
	free(copy);
	gen_fix_names(&g, v, n, 64);
	out = calloc(1, 64 * 200);
	for (int i = 0; i < *n; i++) {
		len += sprintf(out + len, "%s\n", v[i]);
		free(v[i]);
	}
	return out;
}

/* The line of @text with prefix @p, or NULL. */
static const char *line_with(const char *text, const char *p)
{
	for (const char *s = text; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
		if (!strncmp(s, p, strlen(p)))
			return s;
	return NULL;
}

/* The interpreter's messages on the last run_model(). */
static char last_err[4096];

/* The interpreter's verdict on @text run on the model. */
static int run_model(const char *text)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = CHECK_INCREMENTAL, .keep_going = true,
				 .no_files = true };
	struct mmsim_config cfg;
	struct backend *b;
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	FILE *err = fmemopen(last_err, sizeof(last_err), "w");
	int ret = -1;

	o.err = o.out = err;
	mmsim_config_init(&cfg);
	if (in && err && !model_backend.open(&b, &cfg.profile)) {
		ret = interp_run("test", in, ops, &b, 1, &o);
		model_backend.close(b);
	}
	if (in)
		fclose(in);
	if (err)
		fclose(err);
	return ret;
}

/* gen_names_step: a use of an unbound mapping names that token. */
static void test_step_names_unbound_use(void)
{
	struct gen_names b = { .live = { [GK_PROC] = 1 } };
	struct gen_fault f;
	const char *l = "mprotect b+1p 1p r--";

	CHECK(!gen_names_step(&b, l, false, &f) && f.tok == l + 9 && f.len == 1 &&
	      f.kind == GK_ADDR && !f.open, "b+1p not reported as unbound");
	CHECK(gen_names_step(&b, "mmap b 2p rw- private", false, &f) &&
	      gen_names_step(&b, l, false, &f), "b not bound by mmap");
}

/* A file opened twice, a process forked twice, a pin held twice. */
static void test_step_opens_twice(void)
{
	struct gen_names b = { .live = { [GK_PROC] = 1 } };
	struct gen_fault f;

	CHECK(gen_names_step(&b, "memfd f 4p", false, &f), "memfd f refused");
	CHECK(!gen_names_step(&b, "file f 1p", false, &f) && f.open && f.kind == GK_FILE,
	      "second open of f not reported");
	CHECK(gen_names_step(&b, "close f", false, &f) &&
	      gen_names_step(&b, "file f 1p", false, &f), "close f did not free f");
	CHECK(gen_names_step(&b, "fork child", false, &f) &&
	      !gen_names_step(&b, "fork child", false, &f) && f.kind == GK_PROC,
	      "second fork child not reported");
	CHECK(gen_names_step(&b, "mmap a 1p rw- private", false, &f) &&
	      gen_names_step(&b, "@child pin p a 1p", false, &f) &&
	      !gen_names_step(&b, "pin p a 1p", false, &f) && f.kind == GK_PIN,
	      "second pin p not reported");
	/* the child's exit takes its pin and its name with it */
	CHECK(gen_names_step(&b, "@child exit", false, &f) &&
	      gen_names_step(&b, "pin p a 1p", false, &f), "exit kept child's pin p");
	CHECK(!gen_names_step(&b, "@child touch a 1p", false, &f) && f.kind == GK_PROC,
	      "@child used after its exit");
	CHECK(gen_names_step(&b, "fork c2", false, &f) &&
	      gen_names_step(&b, "kill @c2", false, &f) &&
	      !gen_names_step(&b, "@c2 touch a 1p", false, &f), "@c2 used after kill");
	CHECK(!gen_names_step(&b, "exit", false, &f) && !f.tok &&
	      gen_names_step(&b, "exit", true, &f), "main's exit mid-scenario kept");
}

/* An unbound user gets a binding line before it, or a bound name. */
static void test_fix_binds_before_use(void)
{
	for (uint64_t seed = 1; seed <= 40; seed++) {
		int n;
		char *s = fixed("touch c+1p 1p w\n@child pwrite f 0 0x5a\nunpin q\n", seed, &n);

		CHECK(run_model(s) != EXIT_MALFORMED, "seed %lu: still malformed:\n%s%s",
		      (unsigned long)seed, s, last_err);
		CHECK(line_with(s, "touch ") && line_with(s, "unpin "),
		      "seed %lu: a mendable line dropped:\n%s", (unsigned long)seed, s);
		free(s);
	}
}

/* Deleting a binding line: its users are renamed, rebound or dropped. */
static void test_fix_after_binding_deleted(void)
{
	const char *src =
		"mmap a 4p rw- private\n"
		"memfd f 4p\n"
		"mmap b 2p rw- shared file=f\n"
		"fork child\n"
		"@child write b 0x5a 1p\n"
		"pin p a 1p\n"
		"unpin p\n";

	for (int del = 0; del < 7; del++) {
		char buf[512] = "";
		const char *s = src;
		char *out;
		int n;

		for (int i = 0; i < 7; i++) {
			size_t len = strcspn(s, "\n") + 1;

			if (i != del)
				strncat(buf, s, len);
			s += len;
		}
		out = fixed(buf, 7 + del, &n);
		CHECK(run_model(out) != EXIT_MALFORMED, "without line %d: malformed:\n%s%s",
		      del + 1, out, last_err);
		CHECK(n >= 5, "without line %d: only %d lines left:\n%s", del + 1, n, out);
		free(out);
	}
}

/* A second open is renamed to a free name, not dropped. */
static void test_fix_renames_second_open(void)
{
	int n;
	char *s = fixed("memfd f 4p\nfile f 1p\nfork child\nfork child\n", 3, &n);

	CHECK(n == 4 && line_with(s, "file g2 ") && line_with(s, "fork c2"),
	      "not renamed:\n%s", s);
	CHECK(run_model(s) != EXIT_MALFORMED, "malformed:\n%s", s);
	free(s);
}

/* Whether the last run_model() stopped at a name (not at another rule). */
static bool stopped_at_name(void)
{
	static const char *const msgs[] = {
		"unknown name", "unknown file", "unknown process", "unknown pin",
		"already open", " exists", " is held", " has exited", "was killed",
	};

	for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strstr(last_err, msgs[i]))
			return true;
	return false;
}

/*
 * Whether the name the last run_model() stopped at was to be bound by a
 * command that failed at run time ("mmap a 0 ... failed: EINVAL", then
 * "unknown name a"): only the model knows that, not the name rules.
 */
static bool stop_follows_failed_binding(void)
{
	static const char *const binders[] = {
		"mmap", "pin", "fork", "memfd", "memfd_secret", "file", "open",
		"reopen", "pidfd",
	};
	const char *stop = strstr(last_err, "unknown "), *name, *l;
	char want[64];

	if (!stop)
		return false;
	name = strrchr(stop, ' ');
	if (!name)
		return false;
	name++;
	for (size_t i = 0; i < sizeof(binders) / sizeof(binders[0]); i++) {
		snprintf(want, sizeof(want), ": %s %.*s ", binders[i],
			 (int)strcspn(name, "\n"), name);
		for (l = last_err; (l = strstr(l, want)) && l < stop; l++) {
			const char *f = strstr(l, " failed: ");

			if (f && f < strchr(l, '\n'))
				return true;
		}
	}
	return false;
}

/*
 * Generated scenarios stop at a name far less often once mended.  Some
 * still do: a command that fails at run time (an mmap of length 0)
 * binds nothing, which only the model knows; those are not counted.
 */
static void test_fix_generated(void)
{
	int stopped[2] = { 0, 0 };

	for (int fix = 0; fix < 2; fix++) {
		for (uint64_t seed = 1; seed <= 200; seed++) {
			struct gen g = { .state = seed * 0x9e3779b97f4a7c15ULL + 1 };
			char *v[32], text[32 * 200], line[192];
			size_t len = 0;
			int n = 0;

			for (; n < 24; n++) {
				gen_line(&g, line, sizeof(line));
				v[n] = strdup(line);
			}
			if (fix)
				gen_fix_names(&g, v, &n, 32);
			for (int i = 0; i < n; i++) {
				len += snprintf(text + len, sizeof(text) - len, "%s\n", v[i]);
				free(v[i]);
			}
			stopped[fix] += run_model(text) == EXIT_MALFORMED &&
					stopped_at_name() && !stop_follows_failed_binding();
		}
	}
	CHECK(stopped[0] > 100 && stopped[1] * 3 < stopped[0],
	      "of 200 scenarios %d stopped at a name unmended, %d mended",
	      stopped[0], stopped[1]);
	printf("generated: %d of 200 stopped at a name unmended, %d mended\n",
	       stopped[0], stopped[1]);
}

/*
 * A usage placeholder is never generated as it is written: no token is
 * an upper-case class word (KEY=VALUE, PGOFF, CUR), no bracket, "..."
 * or "|" of the usage syntax is left, and the forms of a usage that
 * " | " separates are each picked (prctl mdwe and prctl get_mdwe).
 */
static bool placeholder_token(const char *t)
{
	bool upper = false;

	if (strpbrk(t, "[]|") || strstr(t, "..."))
		return true;
	for (; *t && *t != '='; t++) {
		if (*t >= 'a' && *t <= 'z')
			return false;
		upper |= *t >= 'A' && *t <= 'Z';
	}
	return upper;
}

static void test_gen_no_placeholders(void)
{
	struct gen g = { .state = 42 };
	char line[256], *save, *t;
	int bad = 0, mdwe = 0, get_mdwe = 0;

	for (int i = 0; i < 100000; i++) {
		gen_line(&g, line, sizeof(line));
		mdwe += strstr(line, "prctl mdwe") != NULL;
		get_mdwe += strstr(line, "prctl get_mdwe") != NULL;
		for (t = strtok_r(line, " ", &save); t; t = strtok_r(NULL, " ", &save))
			if (placeholder_token(t) && bad++ < 5)
				printf("placeholder %s\n", t);
	}
	CHECK(bad == 0, "%d generated tokens are usage placeholders", bad);
	CHECK(mdwe > 0 && get_mdwe > 0, "prctl forms: mdwe %d, get_mdwe %d",
	      mdwe, get_mdwe);
}

int main(void)
{
	test_step_names_unbound_use();
	test_step_opens_twice();
	test_fix_binds_before_use();
	test_fix_after_binding_deleted();
	test_fix_renames_second_open();
	test_fix_generated();
	test_gen_no_placeholders();
	printf("scengen: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
