# mrelease_test.c, run_negative_tests(): flags of (unsigned int)-1 on a
# pidfd of a live child with its memory faulted in are EINVAL.
mmap buf 1m rw- private
fork child
@child touch buf 1m w
pidfd c @child
process_mrelease c flags=0xffffffff => EINVAL
process_mrelease c flags=1 => EINVAL
