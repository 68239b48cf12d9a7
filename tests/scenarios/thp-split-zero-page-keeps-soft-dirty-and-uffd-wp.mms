require model
# When a split maps a zero-filled page to the shared zero page
# (try_to_map_unused_to_zeropage()), the new entry keeps the old one's
# soft-dirty and uffd-wp bits (6.18: a write there must still fault to the
# monitor, and a snapshot must still see the page as written).  A page of
# an mlock()ed VMA is not replaced, nor any when the zero page is not used
# (profile zero_page=off).  Model-only: the host has no soft-dirty, and
# the model's userfaultfd and deferred split commands have no host side.
profile thp=madvise thp_2048k=inherit soft_dirty=on
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
write a+3p 3 1p
uffd_register a 4m
uffd_wp a 1m
pagemap a => present excl uffd-wp soft-dirty
madvise a+8p 4p cold
pagemap a => present uffd-wp soft-dirty
pagemap a+3p => present excl uffd-wp soft-dirty
pagemap a+1m => present soft-dirty
# a clean PMD (freed) with soft-dirty cleared: split, nothing set
madvise a+2m 2m free
clear_refs 4
madvise a+2m 4p cold
pagemap a+2m => present
write a 1 => uffd-wp
write a+1m 1
read a+1m => 0x01
# mlocked: the split leaves its zero-filled pages alone
mmap b 4m rw- private
madvise b 4m hugepage
touch b 4m w
mlock b 4m
munmap b+1m 1m
deferred_split_scan => 1
smaps b Rss => 1024 kB
normal_page b => anon
# zero_page off: nothing is replaced
profile zero_page=off
mmap c 4m rw- private
madvise c 4m hugepage
touch c 4m w
madvise c+4p 4p cold
smaps c Rss => 4096 kB
smaps c AnonHugePages => 2048 kB
normal_page c => anon
