# 08 - Long-term pins and fork()
#
# A driver doing DMA (RDMA, io_uring fixed buffers, VFIO) "pins" user pages:
# it holds on to the physical frames and reads/writes them behind the CPU's
# back, for a long time (FOLL_PIN|FOLL_LONGTERM). The page tables may change
# meanwhile; the device keeps using the frames it pinned.
#
# This clashes with copy-on-write. If fork() shared a pinned page, the
# parent's next write would COW the parent onto a NEW page, and the device
# would keep using the OLD one: device and process would silently drift
# apart. So the kernel copies pinned pages for the child eagerly, at fork
# time, and the parent keeps its pinned page, exclusive and writable
# (mm/memory.c, copy_present_page; selftest mm/cow.c).
#
# "pin NAME ADDR LEN" takes a writable long-term pin (on the host: an
# io_uring fixed-buffer registration).

mmap a 2p rw- private
write a 0x01 2p
pin P a 1p                   # pin page 0 only

fork child

# Page 0 is pinned: the child got its own copy right at fork.
frame a @child a => different
pagemap a => present excl    # the parent's page is still its own
@child read a => 0x01        # same contents, different frame

# Page 1 is not pinned: the usual COW sharing.
frame a+1p @child a+1p => same

# The parent's write goes straight into the pinned page - which is what the
# device sees - and never reaches the child.
write a 0xff
read a => 0xff
@child read a => 0x01

# Changing the protection back and forth must not break the link between the
# page tables and the pin either: the page stays exclusive, so the write
# fault after mprotect(rw-) reuses it instead of copying.
mprotect a 1p r--
mprotect a 1p rw-
write a 0xee
pagemap a => present excl

# Once unpinned, the page is ordinary again: the next fork shares it.
unpin P
fork child2
frame a @child2 a => same
@child2 read a => 0xee
