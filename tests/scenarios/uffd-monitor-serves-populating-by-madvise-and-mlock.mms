# Populating registered memory is GUP that may wait (FOLL_UNLOCKABLE):
# no signal ends the wait, so the process's own monitor serves each
# fault.  MADV_POPULATE_READ gets the zero page; MADV_POPULATE_WRITE and
# mlock of private writable memory then break COW into pages of their
# own; mlock of shared shmem caches zeroed pages; populating for write
# over a write-protected page resolves the protection first.
mmap a 1p rw- private
uffd_register a 1p missing
madvise a 1p populate_read
pagemap a => present
mmap b 1p rw- private
uffd_register b 1p missing
madvise b 1p populate_write
pagemap b => present excl
mmap c 1p rw- private
uffd_register c 1p missing
mlock c 1p
pagemap c => present excl
smaps c Locked => 4 kB
mmap h 1p rw- shared
uffd_register h 1p missing
mlock h 1p
pagemap h => present file excl
mmap w 1p rw- private
write w 0x22
uffd_register w 1p wp
uffd_wp w 1p
madvise w 1p populate_write
pagemap w => present excl
read w => 0x22
