# fallocate(2)'s own checks: a hole must keep the size (EOPNOTSUPP), no
# negative offset or empty length (EINVAL), nothing past
# MAX_LFS_FILESIZE (EFBIG), a writable open (EBADF), a regular file
# (/dev/zero, perf: ENODEV).
memfd f 1p
fallocate f 0 1p punch_hole => EOPNOTSUPP
fallocate f 9223372036854775808 1p => EINVAL
fallocate f 0 0 => EINVAL
fallocate f 9223372036854771712 2p => EFBIG
reopen r f rdonly
fallocate r 0 1p => EBADF
open z zero
fallocate z 0 1p => ENODEV
fallocate f 1p 3p
pread f 16383 => 0
pread f 16384 => eof
fallocate f 8p 1p keep_size
pread f 16384 => eof
