# 05 - Files in memory: a memfd, shared and private mappings
#
# memfd_create(2) gives an anonymous file that lives in RAM (shmem/tmpfs).
# Its pages live in the page cache. A file can be reached two ways: with
# read/write system calls (pread/pwrite) or by mapping it. Both go through the
# same page cache, so they always agree.

memfd f 2p                   # a 2-page file, all zeroes
pwrite f 0 0x42              # write one byte at offset 0 with pwrite(2)
pread f 0 => 0x42

# MAP_SHARED: the mapping shows the page-cache pages themselves.
mmap m 2p rw- shared file=f
read m => 0x42               # what pwrite put there

# maps shows the file: a memfd called "f" is "/memfd:f", and "(deleted)"
# because it never had a name in any directory. "s" means shared.
maps =>
| 100000000000-100000002000 rw-s 00000000 /memfd:f (deleted)

# A store through the mapping changes the file itself, at once.
write m+1p 0x43
pread f 1p => 0x43

# A second shared mapping maps the very same frames. Like all mappings it
# starts out empty; each page is found in the page cache on first access.
mmap m2 2p rw- shared file=f
frame m @main m2 => absent   # m2 has not touched page 0 yet
read m2 => 0x42
frame m @main m2 => same
read m2+1p => 0x43

# MAP_PRIVATE: reads show the file, but the first store copies the page into
# private anonymous memory (copy-on-write, as in 02). The file never sees it.
mmap p 2p rw- private file=f
read p => 0x42
frame p @main m => same      # before the write: the page-cache page
write p 0x99
frame p @main m => different # after: a private copy
read p => 0x99
read m => 0x42
pread f 0 => 0x42
pagemap p => present excl    # an anonymous page now
pagemap m => present file    # still a file page, mapped twice (m and m2)

# The mappings keep the file alive even after its descriptor is closed.
close f
write m 0x01
read m2 => 0x01
