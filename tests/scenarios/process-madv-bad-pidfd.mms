# process_madv.c, bad_pidfd: -1 is no file, and a file that is not a
# pidfd (the test uses stdin; here a memfd) is no pidfd: EBADF both.
mmap map 1p r-- private
process_madvise badfd dontneed map 1p => EBADF
memfd f 1p
process_madvise f dontneed map 1p => EBADF
