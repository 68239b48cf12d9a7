// SPDX-License-Identifier: GPL-2.0
/*
 * svg.c - `draw FILE.svg` and `mmsim run --svg=FILE`: a picture of the
 * model's state at one point of a scenario, for documents.
 *
 * One column per live process: its VMAs (as `maps` shows them), under
 * each VMA one cell per present leaf entry coloured by kind (anon, file,
 * zero, special, ...; a PMD or PUD leaf is a wider cell), and a count of
 * its page-table pages per level.  Frames mapped by more than one entry
 * (after fork, in shared mappings) are joined by a line of one colour
 * per frame.  The model answers through two ctl commands (draw.c):
 * `leaves START END` per VMA, and nothing else is needed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define COL_W		380
#define MARGIN		16
#define ROW_H		18
#define CELL		9
#define CELLS_PER_ROW	36
#define MAX_CELLS	144	/* per VMA; the rest is counted */

struct cell {
	unsigned long pfn;
	int x, y, proc;
};

struct picture {
	FILE *f;
	struct cell *cells;
	int ncells;
	int height;
};

static const struct { const char *kind, *fill; } kinds[] = {
	{ "anon", "#4e79a7" }, { "file", "#59a14f" }, { "kernel", "#b07aa1" },
	{ "zero", "#d3d3d3" }, { "huge-zero", "#a0a0a0" },
	{ "special", "#f28e2b" }, { "marker", "#e15759" },
};

static const char *kind_fill(const char *kind)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].kind, kind))
			return kinds[i].fill;
	return "#000000";
}

/* Text for an SVG text node or attribute: &<>"' escaped, control bytes dropped. */
static void put_text(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = s[i];

		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c == '\'')
			fputs("&apos;", f);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, f);
	}
}

/* The text of a model-only query in process @proc, or NULL. */
static char *query(struct interp *ip, int proc, enum bop op, const char *str)
{
	struct bcmd bc = { .op = op, .proc = proc };
	struct bres br;
	char *text = NULL;
	int m = ip->nb - 1;	/* the model is the last backend */

	snprintf(bc.str, sizeof(bc.str), "%s", str ? str : "");
	memset(&br, 0, sizeof(br));
	ip->ops[m]->exec(ip->bk[m], &bc, &br);
	if ((br.kind == BRES_TEXT || br.kind == BRES_WORD) && br.text)
		text = xstrdup(br.text);
	bres_clear(&br);
	return text;
}

static void add_cell(struct picture *pic, unsigned long pfn, int x, int y,
		     int proc)
{
	pic->cells = xrealloc(pic->cells, (pic->ncells + 1) * sizeof(*pic->cells));
	pic->cells[pic->ncells++] = (struct cell){ pfn, x, y, proc };
}

/* The leaves of one VMA, as cells under its row; returns the rows used. */
static int draw_leaves(struct interp *ip, struct picture *pic, int proc,
		       unsigned long start, unsigned long end, int x, int y,
		       unsigned long *tables, int *ntables)
{
	char req[80], *text, *save, *l;
	int n = 0, more = 0;

	snprintf(req, sizeof(req), "leaves %#lx %#lx", start, end);
	text = query(ip, proc, BOP_CTL, req);
	for (l = text ? strtok_r(text, "\n", &save) : NULL; l;
	     l = strtok_r(NULL, "\n", &save)) {
		char level[8], kind[16], perm[4] = "";
		unsigned long va, pfn;
		int w, cx, cy;

		if (sscanf(l, "table %7s %lx %lx", level, &va, &pfn) == 3) {
			int i;

			for (i = 0; i < *ntables && tables[i] != pfn; i++)
				;
			if (i == *ntables && *ntables < 4096)
				tables[(*ntables)++] = pfn;
			continue;
		}
		if (sscanf(l, "leaf %7s %lx %lx %15s %3s", level, &va, &pfn,
			   kind, perm) < 4)
			continue;
		if (n >= MAX_CELLS) {
			more++;
			continue;
		}
		w = strcmp(level, "pte") ? 2 * CELL + 2 : CELL;
		cx = x + (n % CELLS_PER_ROW) * (CELL + 1);
		cy = y + (n / CELLS_PER_ROW) * (CELL + 2);
		fprintf(pic->f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"fill=\"%s\"><title>", cx, cy, w, CELL, kind_fill(kind));
		fprintf(pic->f, "%lx %s %s pfn %#lx %s</title></rect>\n", va,
			level, kind, pfn, perm);
		add_cell(pic, pfn, cx + CELL / 2, cy + CELL / 2, proc);
		n += w > CELL ? 2 : 1;
	}
	free(text);
	if (more)
		fprintf(pic->f, "<text x=\"%d\" y=\"%d\" class=\"s\">+%d more</text>\n",
			x, y + (n / CELLS_PER_ROW + 1) * (CELL + 2) + 8, more);
	return n ? (n + CELLS_PER_ROW - 1) / CELLS_PER_ROW + (more > 0) : 0;
}

/* One process's column; returns its height. */
static int draw_process(struct interp *ip, struct picture *pic, int proc,
			int col)
{
	int x = MARGIN + col * COL_W, y = MARGIN + 20, rows, ntables = 0;
	unsigned long tables[4096];
	char *maps = query(ip, proc, BOP_MAPS, NULL), *lines, *save, *l;

	fprintf(pic->f, "<text x=\"%d\" y=\"%d\" class=\"h\">", x, MARGIN + 4);
	put_text(pic->f, ip->procs.v[proc].name, SHOWN_MAX);
	fputs("</text>\n", pic->f);
	lines = render_maps(ip, maps ? maps : "");
	for (l = strtok_r(lines, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		unsigned long s, e;

		if (sscanf(l, "%lx-%lx", &s, &e) != 2)
			continue;
		fprintf(pic->f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"class=\"vma\"/>\n<text x=\"%d\" y=\"%d\" class=\"s\">",
			x, y, COL_W - 2 * MARGIN, ROW_H - 2, x + 4, y + 12);
		put_text(pic->f, l, 120);
		fputs("</text>\n", pic->f);
		y += ROW_H;
		rows = draw_leaves(ip, pic, proc, s, e, x + 4, y, tables, &ntables);
		y += rows * (CELL + 2) + 6;
	}
	fprintf(pic->f, "<text x=\"%d\" y=\"%d\" class=\"s\">page-table pages: %d</text>\n",
		x, y + 10, ntables);
	free(lines);
	free(maps);
	return y + 20;
}

/* Frames mapped more than once: a line from the first cell to each other. */
static void draw_sharing(struct picture *pic)
{
	static const char *const colours[] = {
		"#e15759", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac",
	};
	int shared = 0;

	for (int i = 0; i < pic->ncells; i++) {
		bool first = true;

		for (int j = 0; j < i && first; j++)
			first = pic->cells[j].pfn != pic->cells[i].pfn;
		if (!first)
			continue;
		for (int j = i + 1; j < pic->ncells; j++) {
			if (pic->cells[j].pfn != pic->cells[i].pfn)
				continue;
			fprintf(pic->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
				"stroke=\"%s\" class=\"share\"/>\n", pic->cells[i].x,
				pic->cells[i].y, pic->cells[j].x, pic->cells[j].y,
				colours[shared % 6]);
		}
		shared++;
	}
}

/* The legend: one key per kind, LEGEND_STEP apart, then a caption. */
#define LEGEND_STEP	90
#define LEGEND_W	((int)(sizeof(kinds) / sizeof(kinds[0])) * LEGEND_STEP)

static void draw_legend(struct picture *pic, int y)
{
	int x = MARGIN;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]);
	     i++, x += LEGEND_STEP) {
		fprintf(pic->f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"s\">%s</text>\n",
			x, y, CELL, CELL, kinds[i].fill, x + CELL + 4, y + CELL,
			kinds[i].kind);
	}
	fprintf(pic->f, "<text x=\"%d\" y=\"%d\" class=\"s\">one cell per leaf "
		"entry (wide: PMD/PUD leaf); lines join entries that map one "
		"frame</text>\n", MARGIN, y + 2 * CELL + 8);
}

static void draw_all(struct interp *ip, struct picture *pic, int *width,
		     int *height)
{
	int col = 0, h = 0;

	for (int p = 0; p < ip->procs.n; p++) {
		int ph;

		if (!ip->procs.v[p].name || !ip->procs.v[p].live)
			continue;
		ph = draw_process(ip, pic, p, col++);
		if (ph > h)
			h = ph;
	}
	draw_sharing(pic);
	draw_legend(pic, h + 4);
	*width = MARGIN * 2 + (col ? col : 1) * COL_W;
	if (*width < MARGIN * 2 + LEGEND_W)	/* the legend shows whole */
		*width = MARGIN * 2 + LEGEND_W;
	*height = h + 4 + 2 * CELL + 20;
}

int svg_write(struct interp *ip, int proc, const char *path)
{
	struct picture pic = { 0 };
	char *body = NULL;
	size_t len = 0;
	int width, height;
	FILE *out;

	pic.f = open_memstream(&body, &len);
	if (!pic.f)
		return bad(ip, "draw: out of memory");
	draw_all(ip, &pic, &width, &height);
	fclose(pic.f);
	free(pic.cells);
	if (!path) {			/* --no-files: drawn, not written */
		free(body);
		return 0;
	}
	out = fopen(path, "w");
	if (!out) {
		free(body);
		return bad(ip, "%s: %s", shown(path), strerror(errno));
	}
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"monospace\">\n"
		"<style>.h{font-size:14px;font-weight:bold}.s{font-size:10px}"
		".vma{fill:#f4f4f4;stroke:#555}.share{stroke-width:1.2;"
		"stroke-opacity:0.8}</style>\n"
		"<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
		width, height, width, height);
	fwrite(body, 1, len, out);
	fputs("</svg>\n", out);
	free(body);
	if (fclose(out))
		return bad(ip, "%s: %s", shown(path), strerror(errno));
	return 0;
}
