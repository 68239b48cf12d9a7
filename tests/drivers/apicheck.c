// SPDX-License-Identifier: GPL-2.0
/*
 * apicheck.c - a driver that takes the address of every function
 * <mmsim/driver.h> and <mmsim/mm.h> declare: loading it with RTLD_NOW
 * fails if mmsim does not export one of them, so a declared call a
 * driver cannot link against is caught here, not by its first user.
 */
#include <mmsim/driver.h>

static const void *const api[] = {
	(const void *)__free_pages,
	(const void *)alloc_pages,
	(const void *)driver_option,
	(const void *)driver_option_bool,
	(const void *)driver_option_design,
	(const void *)driver_option_match,
	(const void *)driver_option_ulong,
	(const void *)find_vma,
	(const void *)folio_maybe_dma_pinned,
	(const void *)folio_mkclean,
	(const void *)get_file,
	(const void *)get_user_pages_remote,
	(const void *)handle_mm_fault,
	(const void *)kfree,
	(const void *)kstrtoul,
	(const void *)kmalloc,
	(const void *)kzalloc,
	(const void *)mapping_wrprotect_range,
	(const void *)memcpy_from_page,
	(const void *)memcpy_to_page,
	(const void *)memset_page,
	(const void *)mm_check,
	(const void *)mmsim_design,
	(const void *)mmsim_driver_data,
	(const void *)mmsim_driver_find,
	(const void *)mmsim_driver_is_builtin,
	(const void *)mmsim_driver_register,
	(const void *)mmsim_file_driver,
	(const void *)mmsim_io_region,
	(const void *)mmsim_module_load,
	(const void *)page_to_pfn,
	(const void *)pfn_mkclean_range,
	(const void *)pfn_to_page,
	(const void *)pfn_valid,
	(const void *)pin_user_pages_remote,
	(const void *)put_page,
	(const void *)put_user_pages,
	(const void *)remap_pfn_range,
	(const void *)remap_pfn_range_prepare,
	(const void *)remap_vmalloc_range,
	(const void *)shmem_zero_setup,
	(const void *)unmap_mapping_range,
	(const void *)unpin_user_pages,
	(const void *)vfree,
	(const void *)vm_get_page_prot,
	(const void *)vm_insert_page,
	(const void *)vm_insert_pages,
	(const void *)vm_map_pages,
	(const void *)vm_normal_folio,
	(const void *)vm_normal_page,
	(const void *)vma_first,
	(const void *)vma_lookup,
	(const void *)vma_next,
	(const void *)vma_prev,
	(const void *)vma_set_page_prot,
	(const void *)vma_wants_writenotify,
	(const void *)vmalloc,
	(const void *)vmalloc_to_page,
	(const void *)vmf_insert_mixed,
	(const void *)vmf_insert_mixed_mkwrite,
	(const void *)vmf_insert_pfn,
	(const void *)vmf_insert_pfn_pmd,
	(const void *)vmf_insert_pfn_prot,
	(const void *)vmf_insert_pfn_pud,
	(const void *)vzalloc,
};

static int apicheck_open(struct file *file, const char *options)
{
	for (size_t i = 0; i < ARRAY_SIZE(api); i++)
		if (!api[i])
			return -ENOENT;
	return 0;
}

static const struct file_operations apicheck_fops = { .name = "/dev/apicheck" };
static const struct mmsim_driver apicheck_driver = {
	.name = "apicheck",
	.fops = &apicheck_fops,
	.open = apicheck_open,
};

MMSIM_MODULE(&apicheck_driver);
