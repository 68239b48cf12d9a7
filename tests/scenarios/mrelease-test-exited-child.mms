# mrelease_test.c, the retry path: when the killed child has already
# given up its mm before process_mrelease(2) runs, the call is ESRCH
# (find_lock_task_mm() finds no thread with an mm). An exit that has
# completed stands for it deterministically; the pidfd still names the
# (gone) child.
mmap buf 1m rw- private
fork child
@child touch buf 1m w
pidfd c @child
@child exit
process_mrelease c => ESRCH
process_mrelease c flags=1 => EINVAL
