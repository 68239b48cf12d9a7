# A writable long-term pin (io_uring) of a range mapped by the huge zero
# PMD breaks COW first: the write fault maps a new THP, which is what gets
# pinned.  Host-verified.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap b 4m rw- private
madvise b 4m hugepage
read b
pagemap b => present file
pin Q b+1p 1p
smaps b AnonHugePages => 2048 kB
smaps b Rss => 2048 kB
pagemap b => present excl
pagemap b+1p => present excl
unpin Q
