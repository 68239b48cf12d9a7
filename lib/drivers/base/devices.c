// SPDX-License-Identifier: GPL-2.0
/*
 * devices.c - opening model devices by name (`open F DEVICE key=value...`),
 * the option parsing they share, and the simplest of them, /dev/zero: a
 * private mapping of it is anonymous memory (the VMA keeps the file, as
 * the kernel's does), a shared one is a fresh shmem object.
 *
 * Devices: zero, perf (kernel/events/perf.c), mem (drivers/char/mem.c),
 * bar (drivers/vfio/pci/bar.c), kbuf (drivers/misc/kbuf.c), fbdefio
 * (drivers/video/fbdev/core/fb_defio.c).
 */
#include "internal.h"

static const struct mm_device *const devices[] = {
	&zero_device,
	&perf_device,
	&mem_device,
	&bar_device,
	&kbuf_device,
	&fbdefio_device,
};

/* The next "key=value" word of @s into @word; returns the rest or NULL. */
static const char *next_option(const char *s, char *word, size_t size)
{
	size_t n;

	s += strspn(s, " \t");
	if (!*s)
		return NULL;
	n = strcspn(s, " \t");
	if (n >= size)
		n = size - 1;
	memcpy(word, s, n);
	word[n] = '\0';
	return s + strcspn(s, " \t");
}

int device_option(const char *options, const char *key, char *buf, size_t size)
{
	char word[64];
	size_t klen = strlen(key);

	while ((options = next_option(options, word, sizeof(word)))) {
		if (strncmp(word, key, klen) || word[klen] != '=')
			continue;
		if (strlen(word + klen + 1) >= size)
			return -EINVAL;
		strcpy(buf, word + klen + 1);
		return 0;
	}
	return -ENOENT;
}

int device_option_ulong(const char *options, const char *key,
			unsigned long lo, unsigned long hi, unsigned long *val)
{
	char buf[24], *end;
	unsigned long v;

	if (device_option(options, key, buf, sizeof(buf)))
		return 0;
	v = strtoul(buf, &end, 0);
	if (*end || end == buf || v < lo || v > hi)
		return -EINVAL;
	*val = v;
	return 0;
}

int device_option_bool(const char *options, const char *key, bool *val)
{
	char buf[8];

	if (device_option(options, key, buf, sizeof(buf)))
		return 0;
	if (strcmp(buf, "on") && strcmp(buf, "off"))
		return -EINVAL;
	*val = !strcmp(buf, "on");
	return 0;
}

int device_check_options(const char *options, const char *const *known)
{
	char word[64];

	while ((options = next_option(options, word, sizeof(word)))) {
		char *eq = strchr(word, '=');
		const char *const *k;

		if (!eq)
			return -EINVAL;
		*eq = '\0';
		for (k = known; *k && strcmp(*k, word); k++)
			;
		if (!*k)
			return -EINVAL;
	}
	return 0;
}

int device_open(struct machine *m, const char *device, const char *options,
		struct file **out)
{
	machine_enter(m);
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++)
		if (!strcmp(devices[i]->name, device))
			return devices[i]->open(m, options ? options : "", out);
	return -ENODEV;
}

struct file *device_file_alloc(const char *name,
			       const struct file_operations *fops)
{
	struct inode *inode = new_inode(name);
	struct file *f = inode ? alloc_file(inode, fops, FMODE_READ | FMODE_WRITE) : NULL;

	if (!f && inode)
		iput(inode);
	/* anonymous inodes live on anon_inodefs, which is noexec */
	if (f && fops->name && !strncmp(fops->name, "anon_inode:", 11))
		f->f_mode |= FMODE_NOEXEC;
	return f;
}

static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;
	return 0;
}

static const struct file_operations zero_fops = {
	.name = "/dev/zero",
	.mmap = mmap_zero,
};

static int zero_open(struct machine *m, const char *options, struct file **out)
{
	static const char *const known[] = { NULL };
	struct file *f;

	if (device_check_options(options, known))
		return -EINVAL;
	f = device_file_alloc("anon_inode", &zero_fops);
	if (!f) {
		return -ENOMEM;
	}
	*out = f;
	return 0;
}

const struct mm_device zero_device = {
	.name = "zero",
	.open = zero_open,
};
