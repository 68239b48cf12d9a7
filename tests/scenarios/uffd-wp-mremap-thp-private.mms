# uffd-wp-mremap.c, test_one_folio on a PMD THP (2 MiB) of private
# anonymous memory, not swapped out: UFFDIO_WRITEPROTECT over the whole
# THP protects its PMD; mremap(MREMAP_FIXED) to a PMD-aligned PROT_NONE
# mapping moves the PMD whole (move_huge_pmd), and without
# UFFD_FEATURE_EVENT_REMAP it arrives without uffd-wp on any page
# (clear_uffd_wp_pmd, Linux 6.13), the THP still whole.  The test sets
# the PMD size to always; here MADV_HUGEPAGE does it on the host's
# madvise setting.
require thp=madvise thp_2048k=inherit
uffd_api pagefault_flag_wp
mmap a 2m rw- private
madvise a 2m hugepage
write a 1
pagemap a+511p => present excl
write a 1 2m
smaps a AnonHugePages => 2048 kB
uffd_register a 2m wp
uffd_wp a 2m
pagemap a => present excl uffd-wp
pagemap a+511p => present excl uffd-wp
write a+1p 2 => uffd-wp
mmap d 2m --- private
mremap a 2m 2m maymove to=d as=b
smaps b AnonHugePages => 2048 kB
smaps b VmFlags => rd wr mr mw me ac hg
pagemap b => present excl
pagemap b+1p => present excl
pagemap b+256p => present excl
pagemap b+511p => present excl
read b 2m => 1
write b+1p 2
read b+1p => 2
smaps b AnonHugePages => 2048 kB
maps =>
| 100040000000-100040200000 rw-p 00000000
