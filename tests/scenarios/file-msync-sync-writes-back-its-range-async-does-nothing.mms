# msync(MS_SYNC) on a shared file mapping writes back the range it covers
# (vfs_fsync_range); MS_ASYNC and MS_INVALIDATE write nothing (Linux 2.6.19
# on); MS_SYNC on a private mapping has nothing to write.
file f 2p
mmap p 2p rw- shared file=f
mmap q 1p rw- private file=f
write p 1 2p
write q 2
msync p 2p async
smaps p Private_Dirty => 8 kB
msync p 2p invalidate
smaps p Private_Dirty => 8 kB
msync q 1p sync
smaps p Private_Dirty => 8 kB
msync p 1p sync
smaps p Private_Dirty => 4 kB
msync p+1p 1p sync
smaps p Private_Dirty => 0 kB
pread f 0 => 1
