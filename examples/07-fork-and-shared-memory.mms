# 07 - What fork() shares, copies, or drops
#
# fork(2) walks the parent's VMAs one by one (kernel/fork.c, dup_mmap):
# - private memory: shared copy-on-write (see 02);
# - shared memory (MAP_SHARED): shared for real, writes visible both ways;
# - MADV_DONTFORK VMAs: not copied at all;
# - MADV_WIPEONFORK VMAs: copied as empty, the child sees zeroes.

mmap priv 1p rw- private
mmap shr 1p rw- shared       # MAP_SHARED|MAP_ANONYMOUS: backed by shmem
open z zero
mmap zsh 1p rw- shared file=z # MAP_SHARED of /dev/zero: the same thing
mmap gone 1p rw- private
mmap wiped 1p rw- private

write priv 0x01
write shr 0x02
write zsh 0x03
write gone 0x04
write wiped 0x05

madvise gone 1p dontfork
madvise wiped 1p wipeonfork

# A shared anonymous mapping shows up as "/dev/zero (deleted)": the kernel
# implements it as an unlinked shmem file.
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100040000000-100040001000 rw-s 00000000 /dev/zero (deleted)
| 100080000000-100080001000 rw-s 00000000 /dev/zero (deleted)
| 1000c0000000-1000c0001000 rw-p 00000000
| 100100000000-100100001000 rw-p 00000000

fork child

# The child has every VMA but the DONTFORK one.
@child maps =>
| 100000000000-100000001000 rw-p 00000000
| 100040000000-100040001000 rw-s 00000000 /dev/zero (deleted)
| 100080000000-100080001000 rw-s 00000000 /dev/zero (deleted)
| 100100000000-100100001000 rw-p 00000000

@child read priv => 0x01     # inherited, copy-on-write
@child read shr => 0x02      # inherited, truly shared
@child read zsh => 0x03
@child read gone => SIGSEGV  # no VMA
@child read wiped => 0       # the VMA, but none of its pages

# Writes in the child: private stays private, shared is seen by the parent.
@child write priv 0x11
@child write shr 0x12
@child write zsh 0x13
read priv => 0x01
read shr => 0x12
read zsh => 0x13
frame shr @child shr => same
frame priv @child priv => different
