# mrelease_test.c, run_negative_tests(): a child that is alive and has
# no SIGKILL pending is not reaped (task_will_free_mem() is false and
# the mm was never reaped): EINVAL. Its memory stays.
mmap buf 1m rw- private
fork child
@child touch buf 1m w
pidfd c @child
process_mrelease c => EINVAL
@child read buf 1m => 0
