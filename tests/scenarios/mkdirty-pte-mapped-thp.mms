# mkdirty.c, test_pte_mapped_thp: a THP dirtied by a write, then made
# read-only as a whole, is PTE-mapped by mprotect()ing its last page
# writable again; splitting the PMD must not carry the dirty bit into
# writable PTEs: a store to the first page is SIGSEGV and the page keeps
# the byte.
require thp=madvise thp_2048k=inherit
mmap mem 2m rw- private
madvise mem 2m hugepage
write mem 1 1p
mprotect mem 2m r--
pagemap mem+511p => present excl
smaps mem AnonHugePages => 2048 kB
mprotect mem+511p 1p rw-
smaps mem AnonHugePages => 0 kB
write mem 2 => SIGSEGV
read mem => 1
read mem+1p => 0
