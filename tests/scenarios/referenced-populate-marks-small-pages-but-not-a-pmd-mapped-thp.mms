# MADV_POPULATE_WRITE goes through GUP with FOLL_TOUCH: a page under a
# PTE is marked accessed (referenced, then active with the flag
# cleared); a THP under a PMD is only made young (touch_pmd()), its
# folio never marked.  The child's entries are old after fork.
mmap a 1p rw- private
mmap b 1p rw- private
touch a 1p w
touch b 1p w
madvise a 1p populate_write
madvise b 1p populate_write
madvise b 1p populate_write
mmap t 2m rw- private
madvise t 2m hugepage
touch t 1p w
madvise t 2m populate_write
fork child
@child smaps a Referenced => 4 kB
@child smaps b Referenced => 0 kB
@child smaps t AnonHugePages => 2048 kB
@child smaps t Referenced => 0 kB
