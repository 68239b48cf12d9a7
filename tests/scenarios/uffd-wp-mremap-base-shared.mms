# uffd-wp-mremap.c, test_one_folio on a base page of shared anonymous
# memory (shmem), not swapped out: the protected page moved by
# mremap(MREMAP_FIXED) without UFFD_FEATURE_EVENT_REMAP loses its
# uffd-wp bit (Linux 6.13), as in private memory.
uffd_api pagefault_flag_wp
mmap a 1p rw- shared
write a 1
pagemap a => present file excl
uffd_register a 1p wp
uffd_wp a 1p
pagemap a => present file excl uffd-wp
write a 2 => uffd-wp
mmap d 1p --- private
mremap a 1p 1p maymove to=d as=b
pagemap b => present file excl
smaps b VmFlags => rd wr sh mr mw me ms
read b => 1
write b 2
read b => 2
