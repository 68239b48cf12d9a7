# maps --ruler draws the VMAs as tools/testing/vma's comments do: a row
# of page numbers, one letter per VMA, '.' for holes; far-apart groups
# get rulers of their own, and a long one is scaled to 64 columns.
mmap a 4p rw- private
mprotect a+1p 1p r--
munmap a+3p 1p
mmap b 2p r-- private at=a+6p
mmap big 1g rw- private
maps --ruler =>
| 100000000000: one column per page
|  01234567
|  ABC...DD
| A 100000000000-100000001000 rw-p 00000000
| B 100000001000-100000002000 r--p 00000000
| C 100000002000-100000003000 rw-p 00000000
| D 100000006000-100000008000 r--p 00000000
| 100040000000: one column per 4096 pages
|  0         1         2         3         4         5         6
|  0123456789012345678901234567890123456789012345678901234567890123
|  EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE
| E 100040000000-100080000000 rw-p 00000000
