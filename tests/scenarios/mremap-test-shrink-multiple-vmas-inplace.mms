# Port of mremap_test.c, mremap_shrink_multiple_vmas(inplace): a range of
# ten pages split into VMAs by mprotect shrinks to its first page: the
# tail, across several VMAs, is unmapped.
mmap s 10p rw- private
mprotect s+1p 1p r--
mprotect s+3p 1p r--
mprotect s+5p 1p r--
mremap s 10p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
