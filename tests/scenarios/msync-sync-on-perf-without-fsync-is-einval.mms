# MS_SYNC fsyncs the file behind a shared mapping: shmem has nothing to
# do, a perf event has no fsync at all (EINVAL); MS_ASYNC asks nothing.
open p perf
mmap b 2p rw- shared file=p
msync b 1p sync => EINVAL
msync b 1p async
memfd f 1p
mmap m 1p rw- shared file=f
msync m 1p sync
