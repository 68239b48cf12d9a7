# mrelease_test.c, its first check: process_mrelease(2) with -1 for the
# pidfd is EBADF. A file that is no pidfd (here a memfd) is EBADF too.
process_mrelease badfd => EBADF
memfd f 1p
process_mrelease f => EBADF
# flags are checked first: a bad pidfd with bad flags is EINVAL
process_mrelease badfd flags=1 => EINVAL
