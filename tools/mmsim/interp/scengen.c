// SPDX-License-Identifier: GPL-2.0
/*
 * scengen.c - scenario commands generated from the interpreter's command
 * table (commands.h), for the libFuzzer mutator (tools/fuzz/mutator.c)
 * and `mmsim difffuzz` (difffuzz.c).
 *
 * Each usage string ("mmap NAME LEN PROT FLAGS [file=F] [off=N]
 * [at=ADDR]") is read token by token, optional parts included half the
 * time, alternatives ("r|w") picked, and each argument class (NAME,
 * ADDR, LEN, PROT, ...) drawn from small pools of names and of sizes
 * around page, table and huge-page boundaries, so that generated
 * commands keep meeting the same few mappings, files, pins and
 * processes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"
#include "scengen.h"

uint32_t gen_rnd(struct gen *g)
{
	g->state ^= g->state << 13;
	g->state ^= g->state >> 7;
	g->state ^= g->state << 17;
	return (uint32_t)(g->state >> 16);
}

#define PICK(g, v) ((v)[gen_rnd(g) % (sizeof(v) / sizeof((v)[0]))])

void gen_put(struct gen *g, const char *s)
{
	size_t n = strlen(s);

	if (n > (size_t)(g->end - g->p))
		n = g->end - g->p;
	memcpy(g->p, s, n);
	g->p += n;
}

/* @v in hex, at least @width digits */
static void put_hex(struct gen *g, unsigned long v, int width)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "0x%0*lx", width, v);
	gen_put(g, buf);
}

static const char *const addr_names[] = { "a", "b", "c", "d" };
static const char *const pin_names[] = { "p", "q" };
static const char *const gup_names[] = { "g", "h" };
static const char *const proc_names[] = { "child", "c2" };
static const char *const files[] = { "f", "g2" };
static const char *const lens[] = {
	"1", "4096", "1p", "1p", "2p", "3p", "4p", "8p", "16p", "17p",
	"64p", "511p", "512p", "513p", "1m", "2m", "4m", "0", "4097", "6p",
};
static const char *const offsets[] = {
	"", "", "+1p", "+2p", "+3p", "-1p", "+4095", "+1", "+2m", "+512p",
};
static const char *const prots[] = { "rw-", "r--", "---", "rwx", "-w-", "r-x" };
static const char *const types[] = { "private", "private", "shared", "shared_validate", "droppable" };
static const char *const extras[] = { "populate", "noreserve", "locked", "fixed", "noreplace" };
static const char *const advices[] = {
	"dontneed", "dontfork", "dofork", "wipeonfork", "keeponfork",
	"willneed", "normal", "random", "sequential", "hugepage",
	"nohugepage", "populate_read", "populate_write", "guard_install",
	"guard_remove", "collapse", "free", "cold", "pageout",
};
static const char *const devices[] = { "zero", "perf", "mem", "bar", "kbuf", "fbdefio" };
static const char *const dev_opts[] = {
	"pages=1", "pages=4", "pages=8", "kmemfb=on", "kmemfb=off",
	"notify=on", "hook=prepare", "cache=wc", "cache=uc", "size=4m",
	"size=2m", "design=legacy", "design=mixedmap", "design=pfnmap",
};
static const char *const fields[] = {
	"Rss", "Pss", "VmFlags", "Anonymous", "Size", "Private_Dirty",
	"Shared_Clean", "Locked", "Referenced", "AnonHugePages", "THPeligible",
};
/* smaps fields both backends count alike (not Pss: the agent's sharing) */
static const char *const host_fields[] = {
	"Rss", "VmFlags", "Anonymous", "Size", "Private_Dirty",
	"Shared_Clean", "Locked", "Referenced", "AnonHugePages", "THPeligible",
};
static const char *const scan_cats[] = {
	"wpallowed", "written", "file", "present", "pfnzero", "huge",
	"soft-dirty", "guard", "present,written", "file,present",
};
static const char *const uffd_features[] = {
	"0", "wp_async", "wp_unpopulated", "wp_async,wp_unpopulated",
	"move", "poison", "missing_shmem,minor_shmem", "pagefault_flag_wp",
	"wp_hugetlbfs_shmem", "sigbus",
};
static const char *const profiles[] = {
	"zero_page=on", "zero_page=off", "soft_dirty=on", "soft_dirty=off",
	"max_map_count=8", "max_map_count=65530",
	"thp=always", "thp=madvise", "thp=never", "thp_zero_page=off",
	"thp_2048k=never", "thp_16k=always", "thp_64k=inherit",
	"thp_max_ptes_none=0", "thp_shrink_underused=on",
};
static const char *const rlimits[] = { "0", "4096", "64k", "1m", "16m", "unlimited" };
static const char *const mdwe_bits[] = { "refuse_exec_gain", "no_inherit", "none", "1", "2", "4" };
static const char *const thp_flags[] = { "except_advised", "none", "0", "2" };
static const char *const query_flags[] = {
	"readable", "writable,shared", "executable", "file_backed",
	"covering_or_next", "covering_or_next,readable", "0x100",
};
static const char *const small_nums[] = { "0", "0", "1", "2", "4", "8", "0x10" };
static const char *const kernels[] = { "6.13", "6.16", "6.18", "6.19" };
static const char *const designs[] = {
	"pins=bias", "pins=shadow", "pins=pmd", "pins=pte-extra",
	"historic=current", "historic=pre5.8", "walk=pre-6.18", "walk=6.18",
	"walk=early-reject", "perf=pfnmap", "perf=legacy", "perf=mixedmap",
	"perf=pfnmap-aux-mutex", "pat=vm_pat", "pat=vma-ctx", "pat=global",
	"hook=mmap", "hook=mmap_action", "defio=mkclean", "defio=kmemfb",
	"guard=anon-vma", "guard=maybe-guard",
};

void gen_len(struct gen *g)
{
	gen_put(g, PICK(g, lens));
}

void gen_name(struct gen *g)
{
	gen_put(g, PICK(g, addr_names));
}

void gen_addr(struct gen *g)
{
	unsigned int r = gen_rnd(g) % 10;

	if (r < 7) {
		gen_put(g, PICK(g, addr_names));
		gen_put(g, PICK(g, offsets));
	} else if (r < 9) {
		put_hex(g, 0x100000000000UL + (gen_rnd(g) % 8) * (1UL << 30) +
			(gen_rnd(g) % 8) * 4096, 1);
	} else {
		gen_put(g, gen_rnd(g) % 2 ? "0" : "0x7ffffffff000");
	}
}

static void gen_flags(struct gen *g)
{
	gen_put(g, PICK(g, types));
	for (int i = gen_rnd(g) % 3; i > 0; i--) {
		gen_put(g, ",");
		gen_put(g, PICK(g, extras));
	}
}

/* A literal word, its optional tail ("rdwr[,trunc]") half the time. */
static void gen_word(struct gen *g, const char *word)
{
	size_t n = strcspn(word, "[");
	char part[64];

	snprintf(part, sizeof(part), "%.*s", (int)n, word);
	gen_put(g, part);
	if (word[n] && gen_rnd(g) % 2) {
		snprintf(part, sizeof(part), "%.*s", (int)strcspn(word + n + 1, "]"),
			 word + n + 1);
		gen_put(g, part);
	}
}

/* One argument of class @cls (a usage token) of command @cmd. */
static void gen_class(struct gen *g, const char *cmd, const char *cls)
{
	if (!strcmp(cls, "NAME")) {
		if (!strcmp(cmd, "fork"))
			gen_put(g, PICK(g, proc_names));
		else if (!strncmp(cmd, "pin", 3) || !strcmp(cmd, "unpin"))
			gen_put(g, PICK(g, pin_names));
		else if (!strncmp(cmd, "gup", 3))
			gen_put(g, PICK(g, gup_names));
		else
			gen_put(g, PICK(g, addr_names));
	} else if (!strcmp(cls, "ADDR") || !strcmp(cls, "ADDR2") ||
		   !strcmp(cls, "DST") || !strcmp(cls, "SRC")) {
		gen_addr(g);
	} else if (strstr(cls, "LEN") || !strcmp(cls, "SIZE") ||
		   !strcmp(cls, "OFF") || !strcmp(cls, "N")) {
		gen_len(g);
	} else if (!strcmp(cls, "PROT")) {
		gen_put(g, PICK(g, prots));
	} else if (!strcmp(cls, "FLAGS") && !strcmp(cmd, "prctl")) {
		gen_put(g, PICK(g, thp_flags));
	} else if (!strcmp(cls, "FLAGS") && !strcmp(cmd, "procmap_query")) {
		gen_put(g, PICK(g, query_flags));
	} else if (!strcmp(cls, "FLAGS")) {
		gen_flags(g);
	} else if (!strcmp(cls, "BYTE")) {
		put_hex(g, gen_rnd(g) % 256, 2);
	} else if (!strcmp(cls, "ADVICE")) {
		gen_put(g, PICK(g, advices));
	} else if (!strcmp(cls, "CATS")) {
		gen_put(g, PICK(g, scan_cats));
	} else if (!strcmp(cls, "FEATURES")) {
		gen_put(g, PICK(g, uffd_features));
	} else if (!strcmp(cls, "F") || !strcmp(cls, "G")) {
		gen_put(g, PICK(g, files));
	} else if (!strcmp(cls, "DEVICE")) {
		gen_put(g, PICK(g, devices));
	} else if (!strcmp(cls, "FIELD")) {
		gen_put(g, g->host ? PICK(g, host_fields) : PICK(g, fields));
	} else if (!strcmp(cls, "@P")) {
		gen_put(g, gen_rnd(g) % 2 ? "@main" : "@child");
	} else if (!strcmp(cls, "TYPE")) {
		gen_put(g, gen_rnd(g) % 3 ? "4" : "5");
	} else if (!strcmp(cls, "key=value")) {
		gen_put(g, PICK(g, dev_opts));
	} else if (!strcmp(cls, "KEY=VALUE")) {
		gen_put(g, !strcmp(cmd, "profile") ? PICK(g, profiles) : PICK(g, designs));
	} else if (!strcmp(cls, "CUR") || !strcmp(cls, "MAX")) {
		gen_put(g, PICK(g, rlimits));
	} else if (!strcmp(cls, "BITS")) {
		gen_put(g, PICK(g, mdwe_bits));
	} else if (!strcmp(cls, "ARG") || !strcmp(cls, "PGOFF") ||
		   !strcmp(cls, "PAGES")) {
		gen_put(g, PICK(g, small_nums));
	} else if (!strcmp(cls, "V")) {
		gen_put(g, PICK(g, kernels));
	} else if (!strcmp(cls, "ram=SIZE")) {
		gen_put(g, gen_rnd(g) % 2 ? "ram=16m" : "ram=64m");
	} else if (!strcmp(cls, "model|native")) {
		gen_put(g, "model");
	} else if (strchr(cls, '=')) {			/* key=CLASS */
		const char *eq = strchr(cls, '=');

		for (const char *c = cls; c <= eq; c++) {
			char ch[2] = { *c, 0 };

			gen_put(g, ch);
		}
		gen_class(g, cmd, eq + 1);
	} else if (strchr(cls, '|')) {			/* r|w */
		char alt[64];
		int n = 1;
		const char *s = cls;

		for (const char *c = cls; *c; c++)
			n += *c == '|';
		for (int k = gen_rnd(g) % n; k > 0; k--)
			s = strchr(s, '|') + 1;
		snprintf(alt, sizeof(alt), "%.*s", (int)strcspn(s, "|"), s);
		if (!strcmp(alt, "F"))			/* self|badfd|F */
			gen_class(g, cmd, alt);
		else
			gen_word(g, alt);
	} else {
		gen_word(g, cls);
	}
}

/*
 * One of the forms of @usage that " | " separates ("prctl mdwe [BITS] |
 * prctl get_mdwe"), copied into @buf.
 */
static void pick_form(struct gen *g, const char *usage, char *buf, size_t size)
{
	int n = 1;

	for (const char *s = strstr(usage, " | "); s; s = strstr(s + 3, " | "))
		n++;
	for (int k = gen_rnd(g) % n; k > 0; k--)
		usage = strstr(usage, " | ") + 3;
	snprintf(buf, size, "%.*s", (int)(strstr(usage, " | ") ?
		 strstr(usage, " | ") - usage : (long)strlen(usage)), usage);
}

/* A command line generated from one usage string. */
static void gen_usage(struct gen *g, const char *usage)
{
	char buf[256], *save, *tok, cmd[32];

	pick_form(g, usage, buf, sizeof(buf));
	tok = strtok_r(buf, " ", &save);
	snprintf(cmd, sizeof(cmd), "%s", tok);
	if (strcmp(cmd, "fork") && strcmp(cmd, "machine") && gen_rnd(g) % 6 == 0)
		gen_put(g, gen_rnd(g) % 2 ? "@child " : "@c2 ");
	gen_put(g, cmd);
	while ((tok = strtok_r(NULL, " ", &save))) {
		bool opt = tok[0] == '[', more;
		int times = 1;
		size_t n;

		if (opt && gen_rnd(g) % 2)
			continue;
		if (opt) {
			tok++;
			tok[strcspn(tok, "]")] = '\0';
		}
		n = strlen(tok);
		more = n > 3 && !strcmp(tok + n - 3, "...");
		if (more) {
			tok[n - 3] = '\0';
			times = 1 + gen_rnd(g) % 2;
		}
		while (times--) {
			gen_put(g, " ");
			gen_class(g, cmd, tok);
		}
	}
}

/* A whole command line (no newline) into @line. */
size_t gen_line(struct gen *g, char *line, size_t size)
{
	const struct command *c;
	size_t n = 0;

	while (command_at(n))
		n++;
	/* weigh the commands that change state, and skip draw */
	do {
		c = command_at(gen_rnd(g) % n);
		if (gen_rnd(g) % 3 == 0) {
			static const char *const busy[] = {
				"mmap", "write", "touch", "fork", "mprotect",
				"munmap", "mremap", "madvise", "pin", "unpin",
			};

			c = find_command(PICK(g, busy));
		}
	} while (!c || !strcmp(c->name, "draw") || (g->allow && !g->allow(c)));
	g->p = line;
	g->end = line + size - 1;
	gen_usage(g, c->usage);
	*g->p = '\0';
	return g->p - line;
}

