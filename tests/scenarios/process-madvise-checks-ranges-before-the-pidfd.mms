# process_madvise(2) imports its iovec first: every range must pass
# access_ok() (end at or below the top of user space), else EFAULT - and
# that comes before the pidfd is looked at, so a bad pidfd with a bad
# range is EFAULT, not EBADF.  Flags are checked before either.  An empty
# range at the very top is fine.  Found by `mmsim difffuzz` (the model
# looked at the pidfd first and advised the range as a hole: ENOMEM);
# minimised reproducers:
#   process_madvise badfd guard_install 0x7ffffffff000 1
#   process_madvise self dontfork 0x7ffffffff000 1p
process_madvise self dontfork 0x7ffffffff000 1 => EFAULT
process_madvise self dontfork 0x7ffffffff000 1p => EFAULT
process_madvise self dontfork 0x7fffffffe000 4097 => EFAULT
process_madvise badfd guard_install 0x7ffffffff000 1 => EFAULT
process_madvise self cold 0x7ffffffff000 1 flags=1 => EINVAL
process_madvise self dontfork 0x7ffffffff000 0 => 0
process_madvise self dontfork 0x7fffffffe000 1p => ENOMEM
process_madvise badfd dontfork 0x7fffffffe000 1p => EBADF
# the bad range may be any of them
mmap a 4p rw- private
process_madvise self dontfork a 4p 0x7ffffffff000 1 => EFAULT
smaps a VmFlags => rd wr mr mw me ac
