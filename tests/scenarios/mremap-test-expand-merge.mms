# Port of tools/testing/selftests/mm/mremap_test.c, mremap_expand_merge():
# unmap the middle page of three, grow the first page in place by one:
# the three pages become one VMA again.
mmap s 3p rw- private
munmap s+1p 1p
mremap s 1p 2p
maps =>
| 100000000000-100000003000 rw-p 00000000
