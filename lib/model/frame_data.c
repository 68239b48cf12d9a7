// SPDX-License-Identifier: GPL-2.0
/*
 * frame_data.c - the contents of RAM frames, stored sparsely.
 *
 * A frame is 64 chunks of 64 bytes.  page->data == NULL means every byte
 * equals the page's fill byte (page_fill()).  Otherwise page->data is a
 * struct frame_data: @map has bit i set iff chunk i is materialised, and
 * the materialised chunks are packed in @chunk[] in ascending chunk
 * order (chunk i lives at index popcount(map & (bit(i) - 1))); every
 * byte of an absent chunk equals the fill byte.  Chunks are only ever
 * added, and the slots allocated are always fd_cap(popcount(map)): a
 * power of two up to 32, or 64 once more than 32 chunks are needed, in
 * which case the frame is made flat
 * (map == ~0, so chunk[] is the plain 4 KiB image).  Writing one byte
 * costs one 72-byte allocation (an 80-byte glibc chunk); filling a whole
 * page frees the storage.  Storage is plain host memory, not fault-injected:
 * on host ENOMEM the frame is left exactly as it was.  One-chunk records,
 * by far the most common (a store into a fresh page), and flat ones (a
 * page written whole) come from per-machine slabs (struct fd_slab) freed
 * with the machine; the sizes between from malloc.
 *
 * Every walk over chunks visits only the chunks present (bit by bit with
 * clz/ctz), never all 64 slots; the slot of a chunk is a popcount, one
 * instruction where the build found the CPU has POPCNT (-mpopcnt, see the
 * Makefile).
 */
#include "internal.h"

#define CHUNK_SHIFT	6
#define CHUNK_SIZE	(1UL << CHUNK_SHIFT)
#define NR_CHUNKS	(PAGE_SIZE / CHUNK_SIZE)
#define FLAT_AFTER	32	/* more chunks than this: store all 64 */

struct frame_data {
	uint64_t map;
	unsigned char chunk[][CHUNK_SIZE];
};

/* A caller passed a range outside the frame: a library bug. */
#define FRAME_BUG_ON(c) do {						\
		if (unlikely(c)) {					\
			fprintf(stderr, "%s:%d: BUG: %s\n",		\
				__FILE__, __LINE__, #c);		\
			abort();					\
		}							\
	} while (0)

static inline void check_range(size_t off, size_t len)
{
	FRAME_BUG_ON(off > PAGE_SIZE || len > PAGE_SIZE - off);
}

static inline size_t fd_size(unsigned int cap)
{
	return sizeof(struct frame_data) + (size_t)cap * CHUNK_SIZE;
}

static inline uint64_t chunk_bit(unsigned int c)
{
	return 1ULL << c;
}

/* Index in chunk[] of present chunk @c. */
static inline unsigned int chunk_slot(uint64_t map, unsigned int c)
{
	return __builtin_popcountll(map & (chunk_bit(c) - 1));
}

/* Bits of the chunks that [off, off + len) touches; len > 0. */
static inline uint64_t range_mask(size_t off, size_t len)
{
	unsigned int first = off >> CHUNK_SHIFT;
	unsigned int last = (off + len - 1) >> CHUNK_SHIFT;
	uint64_t hi = last == NR_CHUNKS - 1 ? ~0ULL : chunk_bit(last + 1) - 1;

	return hi & ~(chunk_bit(first) - 1);
}

/* Bits of the chunks that [off, off + len) covers whole. */
static inline uint64_t covered_mask(size_t off, size_t len)
{
	unsigned int first = (off + CHUNK_SIZE - 1) >> CHUNK_SHIFT;
	unsigned int end = (off + len) >> CHUNK_SHIFT;

	if (first >= end)
		return 0;
	return range_mask((size_t)first << CHUNK_SHIFT,
			  (size_t)(end - first) << CHUNK_SHIFT);
}

/* ---- one-chunk and flat records: per-machine slabs ---------------------- */

#define SLAB_BLOCK	(64UL << 10)
#define ONE_CHUNK	fd_size(1)
#define FLAT		fd_size(NR_CHUNKS)

/*
 * A flat record's bytes start on a cache line (64 bytes): its slot is a
 * multiple of 64 bytes and the first sits 8 bytes (its map) before the
 * second line of the block.  A 4 KiB memcpy into bytes 8 past a line
 * took twice as long (every vector store split across two lines).
 */
#define FLAT_SLOT	ALIGN(FLAT, 64)
#define FLAT_FIRST	(128 - sizeof(uint64_t))

/* The bytes a record of @size takes in its slab, and where a block's first starts. */
static size_t slab_slot(size_t size)
{
	return size == FLAT ? FLAT_SLOT : size;
}

static size_t slab_first(size_t size)
{
	return size == FLAT ? FLAT_FIRST : 16;
}

/* Small blocks before the big ones: 2 MiB of one-chunk records, 256 KiB of flat. */
static unsigned long slab_small_blocks(size_t size)
{
	return size == ONE_CHUNK ? 32 : 4;
}

/*
 * A new slab block.  The first few are SLAB_BLOCK bytes of malloc; a
 * machine storing more gets HOST_BIG_BLOCK mappings (host_block_alloc()),
 * so small machines stay small.  A block's first word chains the blocks.
 */
static void **fd_slab_block(struct fd_slab *s, size_t size)
{
	void **block = host_block_alloc(s->nr_blocks < slab_small_blocks(size) ?
					SLAB_BLOCK : HOST_BIG_BLOCK, 64);

	if (block)
		s->nr_blocks++;
	return block;
}

/* The slab of records of @size, or NULL: those come from malloc. */
static struct fd_slab *fd_slab_of(size_t size)
{
	struct machine *m = current_machine();

	if (size == ONE_CHUNK)
		return &m->fd_slab;
	if (size == FLAT)
		return &m->fd_flat;
	return NULL;
}

/* A new block for slab @s when its current one is used up: 0 or -ENOMEM. */
static __attribute__((noinline)) int fd_slab_grow(struct fd_slab *s, size_t size)
{
	void **block = fd_slab_block(s, size);

	if (!block)
		return -ENOMEM;
	*block = s->blocks;	/* blocks are chained through their first word */
	s->blocks = block;
	s->bump = (char *)block + slab_first(size);
	s->end = (char *)block + (size_t)block[1];
	return 0;
}

/* Inline: with @size a constant, only that slab's free list and bump. */
static inline struct frame_data *fd_alloc(size_t size)
{
	struct fd_slab *s = fd_slab_of(size);
	void *p;

	if (!s)
		return malloc(size);
	if (s->free) {
		p = s->free;
		s->free = *(void **)p;
		return p;
	}
	if ((!s->bump || (size_t)(s->end - s->bump) < slab_slot(size)) &&
	    fd_slab_grow(s, size))
		return NULL;
	p = s->bump;
	s->bump += slab_slot(size);
	return p;
}

static void fd_free(struct frame_data *fd, size_t size)
{
	struct fd_slab *s = fd_slab_of(size);

	if (!fd)
		return;
	if (!s) {
		free(fd);
		return;
	}
	*(void **)fd = s->free;
	s->free = fd;
}

static void fd_slab_exit(struct fd_slab *s)
{
	void **b = s->blocks;

	while (b) {
		void **next = *b;

		host_block_free(b);
		b = next;
	}
	memset(s, 0, sizeof(*s));
}

void frame_data_exit(struct machine *m)
{
	fd_slab_exit(&m->fd_slab);
	fd_slab_exit(&m->fd_flat);
}

static unsigned int fd_cap(unsigned int nr)
{
	unsigned int cap = 1;

	if (nr > FLAT_AFTER)
		return NR_CHUNKS;
	while (cap < nr)
		cap <<= 1;
	return cap;
}

/*
 * Spread the present chunks of @fd into their slots under @map (a
 * superset of fd->map), filling new chunks with @fill but those in
 * @covered, which the caller overwrites whole.  Walks the
 * chunks of @map downwards, so that no chunk is overwritten before it
 * has moved; a chunk already in its slot, and every chunk below the
 * lowest new one, stays put.
 */
static void fd_spread(struct frame_data *fd, uint64_t map, int fill,
		      uint64_t covered)
{
	uint64_t added = map & ~fd->map;
	unsigned int old = __builtin_popcountll(fd->map);
	unsigned int slot = __builtin_popcountll(map);
	/* chunks below the lowest added one keep their slots */
	uint64_t todo = map & ~(chunk_bit(__builtin_ctzll(added)) - 1);

	while (todo) {
		unsigned int c = 63 - __builtin_clzll(todo);

		todo &= ~chunk_bit(c);
		slot--;
		if (fd->map & chunk_bit(c)) {
			old--;
			if (old != slot)
				memcpy(fd->chunk[slot], fd->chunk[old], CHUNK_SIZE);
		} else if (!(covered & chunk_bit(c))) {
			memset(fd->chunk[slot], fill, CHUNK_SIZE);
		}
	}
	fd->map = map;
}

/*
 * Make every chunk in @need present, the new ones holding the fill byte
 * but those in @covered (a part of @need the caller then overwrites
 * whole, left as they come).  0 or -ENOMEM (contents unchanged).
 */
static int frame_materialise(struct page *page, uint64_t need, uint64_t covered)
{
	struct frame_data *fd = page->data;
	uint64_t map = (fd ? fd->map : 0) | need;
	unsigned int cap, old_cap = fd ? fd_cap(__builtin_popcountll(fd->map)) : 0;

	if (fd && map == fd->map)
		return 0;
	cap = fd_cap(__builtin_popcountll(map));
	if (cap == NR_CHUNKS)
		map = ~0ULL;
	if (cap > old_cap) {
		struct frame_data *n = fd_alloc(fd_size(cap));

		if (!n)
			return -ENOMEM;
		if (fd) {
			memcpy(n, fd, fd_size(old_cap));
			fd_free(fd, fd_size(old_cap));
		}
		if (!fd) {
			/* a fresh frame: every slot is new, in order */
			n->map = map;
			if (covered == map)
				;
			else if (cap == 1)	/* the common store: inline */
				memset(n->chunk, page_fill(page), CHUNK_SIZE);
			else
				memset(n->chunk, page_fill(page),
				       (size_t)__builtin_popcountll(map) * CHUNK_SIZE);
			page->data = n;
			return 0;
		}
		fd = n;
		page->data = fd;
	}
	fd_spread(fd, map, page_fill(page), covered);
	return 0;
}

static size_t frame_size(const struct frame_data *fd)
{
	return fd ? fd_size(fd_cap(__builtin_popcountll(fd->map))) : 0;
}

static void frame_drop(struct page *page, int byte)
{
	fd_free(page->data, frame_size(page->data));
	page->data = NULL;
	set_page_fill(page, byte);
}

void frame_read(const struct page *page, size_t off, void *buf, size_t len)
{
	const struct frame_data *fd = page->data;
	unsigned char *dst = buf;

	check_range(off, len);
	if (!fd) {
		memset(buf, page_fill(page), len);
		return;
	}
	while (len) {
		unsigned int c = off >> CHUNK_SHIFT;
		size_t in = off & (CHUNK_SIZE - 1);
		size_t n = min(len, CHUNK_SIZE - in);

		if (fd->map & chunk_bit(c))
			memcpy(dst, fd->chunk[chunk_slot(fd->map, c)] + in, n);
		else
			memset(dst, page_fill(page), n);
		dst += n;
		off += n;
		len -= n;
	}
}

/*
 * Apply @len bytes at @off, from @src or (when @src is NULL) set to
 * @byte, over a frame whose touched chunks are all present.  After
 * frame_materialise() they sit in index order: the range is one run of
 * bytes.
 */
static void frame_apply(struct frame_data *fd, size_t off,
			const unsigned char *src, int byte, size_t len)
{
	unsigned char *dst = fd->chunk[chunk_slot(fd->map, off >> CHUNK_SHIFT)] +
			     (off & (CHUNK_SIZE - 1));

	if (len == 1)		/* a one-byte store, the common case: inline */
		*dst = src ? *src : byte;
	else if (src)
		memcpy(dst, src, len);
	else
		memset(dst, byte, len);
}

/*
 * The first store into a frame that holds only its fill byte, within one
 * chunk: by far the most common (a write fault's byte), so it takes a
 * one-chunk record straight from the slab, as frame_materialise() would.
 */
static inline bool first_store_in_chunk(const struct page *page, size_t off,
					size_t len)
{
	return !page->data && (off >> CHUNK_SHIFT) == ((off + len - 1) >> CHUNK_SHIFT);
}

static int frame_first_store(struct page *page, size_t off,
			     const unsigned char *src, int byte, size_t len)
{
	struct frame_data *fd = fd_alloc(ONE_CHUNK);

	if (!fd)
		return -ENOMEM;
	fd->map = chunk_bit(off >> CHUNK_SHIFT);
	memset(fd->chunk[0], page_fill(page), CHUNK_SIZE);
	page->data = fd;
	frame_apply(fd, off, src, byte, len);
	return 0;
}

int frame_write(struct page *page, size_t off, const void *buf, size_t len)
{
	int err;

	check_range(off, len);
	if (!len)
		return 0;
	if (first_store_in_chunk(page, off, len))
		return frame_first_store(page, off, buf, 0, len);
	err = frame_materialise(page, range_mask(off, len),
				covered_mask(off, len));
	if (err)
		return err;
	frame_apply(page->data, off, buf, 0, len);
	return 0;
}

int frame_fill(struct page *page, size_t off, int byte, size_t len)
{
	int err;

	check_range(off, len);
	byte &= 0xff;
	if (len == PAGE_SIZE) {
		frame_drop(page, byte);
		return 0;
	}
	if (!len || (!page->data && page_fill(page) == byte))
		return 0;
	if (first_store_in_chunk(page, off, len))
		return frame_first_store(page, off, NULL, byte, len);
	err = frame_materialise(page, range_mask(off, len),
				covered_mask(off, len));
	if (err)
		return err;
	frame_apply(page->data, off, NULL, byte, len);
	return 0;
}

int frame_copy(struct page *dst, const struct page *src)
{
	const struct frame_data *sfd = src->data;
	struct frame_data *fd;
	unsigned int nr;

	if (dst == src)
		return 0;
	if (!sfd) {
		frame_drop(dst, page_fill(src));
		return 0;
	}
	nr = __builtin_popcountll(sfd->map);
	fd = fd_alloc(fd_size(fd_cap(nr)));
	if (!fd)
		return -ENOMEM;
	memcpy(fd, sfd, fd_size(nr));
	fd_free(dst->data, frame_size(dst->data));
	dst->data = fd;
	set_page_fill(dst, page_fill(src));
	return 0;
}

void frame_clear(struct page *page)
{
	frame_drop(page, 0);
}

size_t frame_bytes(const struct page *page)
{
	const struct frame_data *fd = page->data;

	return fd ? fd_size(fd_cap(__builtin_popcountll(fd->map))) : 0;
}

bool frame_is_zero(const struct page *page)
{
	const struct frame_data *fd = page->data;
	unsigned int nr;

	if (!fd || fd->map != ~0ULL)	/* absent chunks hold the fill byte */
		if (page_fill(page))
			return false;
	if (!fd)
		return true;
	nr = __builtin_popcountll(fd->map);
	for (unsigned int s = 0; s < nr; s++)
		for (unsigned int i = 0; i < CHUNK_SIZE; i++)
			if (fd->chunk[s][i])
				return false;
	return true;
}

/* ---- driver.h: what a driver reads and writes of a page's contents ---- */

static bool page_range_ok(const char *what, size_t offset, size_t len)
{
	if (offset <= PAGE_SIZE && len <= PAGE_SIZE - offset)
		return true;
	driver_error("%s: offset %zu + length %zu is past the page", what,
		     offset, len);
	return false;
}

void memcpy_to_page(struct page *page, size_t offset, const void *from,
		    size_t len)
{
	if (page_range_ok("memcpy_to_page", offset, len) &&
	    frame_write(page, offset, from, len))
		driver_error("memcpy_to_page: the host is out of memory");
}

void memcpy_from_page(void *to, struct page *page, size_t offset, size_t len)
{
	if (page_range_ok("memcpy_from_page", offset, len))
		frame_read(page, offset, to, len);
}

void memset_page(struct page *page, size_t offset, int val, size_t len)
{
	if (page_range_ok("memset_page", offset, len) &&
	    frame_fill(page, offset, val, len))
		driver_error("memset_page: the host is out of memory");
}
