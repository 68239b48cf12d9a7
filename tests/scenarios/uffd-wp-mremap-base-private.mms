# uffd-wp-mremap.c, test_one_folio on a base page, private anonymous
# memory, not swapped out: a page protected with UFFDIO_WRITEPROTECT
# and moved by mremap(MREMAP_FIXED) onto a PROT_NONE mapping, with a
# userfaultfd that did not ask for UFFD_FEATURE_EVENT_REMAP, arrives
# unprotected (mm/mremap.c, "mm: clear uffd-wp PTE/PMD state on
# mremap()", Linux 6.13): the monitor never learns the new address.
uffd_api pagefault_flag_wp
mmap a 1p rw- private
write a 1
pagemap a => present excl
uffd_register a 1p wp
uffd_wp a 1p
pagemap a => present excl uffd-wp
write a 2 => uffd-wp
mmap d 1p --- private
mremap a 1p 1p maymove to=d as=b
pagemap b => present excl
smaps b VmFlags => rd wr mr mw me ac
read b => 1
write b 2
read b => 2
maps =>
| 100040000000-100040001000 rw-p 00000000
