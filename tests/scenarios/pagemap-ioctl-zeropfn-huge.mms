# pagemap_ioctl.c, zeropfn_tests (newer than 6.18's copy of the test),
# the huge-page case: a read of a 2 MiB MADV_HUGEPAGE range maps the huge
# zero folio (use_zero_page on): one region of 512 PFNZERO pages, and the
# leaf is one entry (huge), present, written (no uffd-wp) and not a file
# page (6.18's vm_normal_page_pmd() finds no page behind the special
# huge zero PMD).
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap mem 2m rw- private
madvise mem 2m hugepage
read mem => 0x00
pagemap_scan mem 2m vec_len=1 mask=pfnzero return=pfnzero =>
| 100000000000-100000200000 pfnzero
| walk_end 100000200000
pagemap_scan mem 2m =>
| 100000000000-100000200000 written present pfnzero huge
| walk_end 100000200000
