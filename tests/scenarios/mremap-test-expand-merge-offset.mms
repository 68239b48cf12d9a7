# Port of mremap_test.c, mremap_expand_merge_offset(): of four pages,
# unmap the last and the second; growing the first by one page fills the
# hole and merges it with the third.
mmap s 4p rw- private
munmap s+3p 1p
munmap s+1p 1p
mremap s 1p 2p
maps =>
| 100000000000-100000003000 rw-p 00000000
