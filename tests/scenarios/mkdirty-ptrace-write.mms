# mkdirty.c, test_ptrace_write: a write through /proc/self/mem
# (FOLL_FORCE, as ptrace) into a read-only private page that maps the
# shared zero page unshares it into a fresh, dirty anonymous page; the
# entry must not become writable: a store is SIGSEGV, the page keeps
# the byte.
mmap mem 1p r-- private
read mem => 0
mem_write mem 1
read mem => 1
write mem 2 => SIGSEGV
read mem => 1
pagemap mem => present excl
