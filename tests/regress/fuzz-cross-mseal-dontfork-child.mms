open f zero
# completing (result `uffd-wp`), reads still work, and after the monitor
# resolves the protection the write goes through, reusing the page.
mmap a 2p rw- private
write a 0x01 2p
uffd_wp a 1p => ENOENT           # not registered
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- shared at=0x100000000000
mseal p 4p
madvise p 4p dontneed
munmap p 4p => EPERM
# Shared anonymous (shmem) memory may be discarded even sealed.
# not sealed
mmap p 4p r-- shared at=0x100000000000
madvise p 4p dontneed
munmap p 4p
munmap 0x100000000000 64g
madvise 0x100100002000 2m normal
# sealed
madvise p 4p dontneed
munmap p 4p => EPERM
# Shared anonymous (shmem) memory may be discarded even sealed.
memfd g2 513p
# not sealed
write a 0x11 2p
madvise a+1p 1p dontfork
pin q 0x7ffffffff000 4p
mmap p 4p r-- private at=0x100000000000
msync 0x100080005000 64p invalidate
page_status 4097
maps =>
# munlock of the whole range after a partial munlock makes all flags equal
fork c2
# again, so the three VMAs merge back into one.
capability ipc_lock on
# Port of mremap_test.c, mremap_shrink_multiple_vmas(inplace): a range of
pin q a+1 3p
pin q a+1 3p
smaps a+1 Private_Dirty
pin q 0x7ffffffff000 4p
mmap p 4p r-- private at=0x100000000000
open p perf
mmap r 3p rw- shared file=p
write c+1 0x36
unpin P
