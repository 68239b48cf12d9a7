# 09 - madvise: telling the kernel about your memory
#
# madvise(2) gives the kernel hints or orders about a range. Some only change
# VMA flags (and so may split the VMA); some act on the pages right away.

mmap a 4p rw- private
write a 0x11 4p
smaps a Rss => 16 kB

# MADV_DONTNEED throws the pages away now. For private anonymous memory the
# data is gone: the next access finds an empty page-table entry and faults in
# a fresh zero-filled page.
madvise a+2p 2p dontneed
smaps a Rss => 8 kB
pagemap a+2p => none
read a+1p => 0x11            # untouched pages keep their data
write a+2p 0x22              # a new page...
read a+8193 => 0             # ...zero-filled apart from what we wrote (a + 2p + 1)

# For a shared file mapping, DONTNEED only drops this process's page-table
# entries. The data lives in the page cache, so it comes back on the next
# access.
memfd f 1p
mmap m 1p rw- shared file=f
write m 0x33
madvise m 1p dontneed
pagemap m => none
read m => 0x33
pread f 0 => 0x33

# Flag-only advice changes the VMA, and the usual split rules apply: here
# MADV_DONTFORK on page 1 splits the VMA into three, visible in VmFlags
# ("dc" = do not copy on fork).
madvise a+1p 1p dontfork
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
| 100000002000-100000004000 rw-p 00000000
| 100040000000-100040001000 rw-s 00000000 /memfd:f (deleted)
smaps a+1p VmFlags => rd wr mr mw me dc ac
smaps a VmFlags => rd wr mr mw me ac

# MADV_DOFORK undoes it, and the three VMAs merge again.
madvise a+1p 1p dofork
maps =>
| 100000000000-100000004000 rw-p 00000000
| 100040000000-100040001000 rw-s 00000000 /memfd:f (deleted)

# MADV_WILLNEED on a file mapping reads ahead into the page cache; it is a
# hint and changes nothing you can read.
madvise m 1p willneed
read m => 0x33
