# mkdirty.c, test_ptrace_write_thp: a write through /proc/self/mem
# (FOLL_FORCE, as ptrace) into a read-only private MADV_HUGEPAGE range
# places a fresh THP, marked dirty in its PMD; the PMD must not become
# writable: a store is SIGSEGV and the page keeps the byte.
require thp=madvise thp_2048k=inherit
mmap mem 2m r-- private
madvise mem 2m hugepage
mem_write mem 1
read mem => 1
pagemap mem+511p => present excl
smaps mem AnonHugePages => 2048 kB
write mem 2 => SIGSEGV
read mem => 1
