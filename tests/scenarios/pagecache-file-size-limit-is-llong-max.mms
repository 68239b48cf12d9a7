# shmem's s_maxbytes is MAX_LFS_FILESIZE (LLONG_MAX on 64-bit): a memfd
# can be that large, and its last byte can be written and read.  A
# position whose end passes LLONG_MAX is EINVAL (rw_verify_area), as is a
# negative size or position (2^63 and above read as negative loff_t).
memfd f 1p
ftruncate f 9223372036854775807
pwrite f 9223372036854775806 7
pread f 9223372036854775806 => 7
pread f 9223372036854775807 => EINVAL
pwrite f 9223372036854775807 7 => EINVAL
pwrite f 9223372036854771712 1 2p => EINVAL
ftruncate f 9223372036854775808 => EINVAL
pread f 9223372036854775808 => EINVAL
ftruncate f 1p
pread f 9223372036854775806 => eof
