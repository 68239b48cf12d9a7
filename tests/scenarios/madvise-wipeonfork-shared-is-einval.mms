# MADV_WIPEONFORK is only valid on private anonymous memory: on a shared
# mapping it fails with EINVAL (and MADV_KEEPONFORK is accepted).
mmap a 2p rw- shared
madvise a 2p wipeonfork => EINVAL
smaps a VmFlags => rd wr sh mr mw me ms
memfd f 1p
mmap m 1p rw- shared file=f
madvise m 1p wipeonfork => EINVAL
