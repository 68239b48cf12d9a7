# A file on ext4 with 4 KiB blocks ends at s_maxbytes, 2^32 - 1 blocks
# (16 TiB - 4 KiB), below MAX_LFS_FILESIZE: growing past it by ftruncate,
# pwrite or fallocate is EFBIG.  fsync works on files (a memfd has nothing
# to write back); a device without ->fsync (/dev/zero) is EINVAL.
file f 0
ftruncate f 0xffffffff000
ftruncate f 0xffffffff001 => EFBIG
pwrite f 0xfffffffefff 1
pread f 0xfffffffefff => 1
pwrite f 0xffffffff000 1 => EFBIG
fallocate f 0xffffffff000 1 => EFBIG
fallocate f 0xfffffffe000 1p
ftruncate f 0
fsync f
memfd m 1p
fsync m
open z zero
fsync z => EINVAL
