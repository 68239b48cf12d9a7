# memfd_secret(2)'s rules beyond the selftest (mm/secretmem.c, Linux
# 6.18): flags other than O_CLOEXEC are EINVAL; only shared mappings
# (private EINVAL), never executable (a noexec pseudo filesystem:
# PROT_EXEC EPERM, no `me`); locked and not dumped from mmap on, with
# nothing faulted in; the size is set once; a page past it is SIGBUS;
# no fsync, fallocate or seals; munlock leaves it locked, mlock and
# MADV_POPULATE_* cannot populate it (GUP refuses: ENOMEM, EINVAL); a
# child shares it; mremap moves the lock charge with it.
memfd_secret bad flags=1 => EINVAL
memfd_secret s
mmap p 3p rw- private file=s => EINVAL
mmap x 1p r-x shared file=s => EPERM
mmap a 3p rw- shared file=s
smaps a VmFlags => rd wr sh mr mw ms lo dd
smaps a Rss => 0 kB
status VmLck => 12 kB
maps =>
| 100080000000-100080003000 rw-s 00000000 /secretmem (deleted)
read a => SIGBUS
ftruncate s 2p
ftruncate s 2p => EINVAL
ftruncate s 1p => EINVAL
write a 0x55 2p
read a 2p => 0x55
read a+2p => SIGBUS
smaps a Rss => 8 kB
fsync s => EINVAL
fallocate s 0 1p => EOPNOTSUPP
seal s write => EINVAL
seals s => EINVAL
madvise a 1p populate_write => EINVAL
madvise a 1p populate_read => EINVAL
madvise a 1p dontneed => EINVAL
munlock a 1p
smaps a VmFlags => rd wr sh mr mw ms lo dd
mlock a 1p => ENOMEM
mincore a 3p => 110
fork child
@child read a => 0x55
@child write a+1p 0x66
read a+1p => 0x66
mremap a 3p 4p
status VmLck => 16 kB
munmap a 4p
status VmLck => 0 kB
