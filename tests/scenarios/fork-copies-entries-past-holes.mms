# fork copies each page-table entry to the child at its own address, also
# past holes: with pages zapped (MADV_DONTNEED) between a zero-page entry
# and the next pages, the child still sees every page where the parent
# has it (the model once put the entry after a hole into the hole).
# Expectations generated with mmsim diff -v, which agreed.
mmap a 16p rw- private
write a 1 16p
write a+4p 4 1p
write a+5p 5 1p
write a+9p 9 1p
madvise a 4p dontneed
madvise a+6p 3p dontneed
read a+1p => 0x00
fork c
@c read a+1p => 0x00
@c read a+3p => 0x00
@c read a+4p => 0x04
@c read a+5p => 0x05
@c read a+6p => 0x00
@c read a+9p => 0x09
@c read a+10p => 0x01
frame a+4p @c a+4p => same
frame a+9p @c a+9p => same
smaps a Rss => 36 kB
@c smaps a Rss => 36 kB
