# After process_mrelease(2) the reaped mm is unstable (MMF_UNSTABLE):
# a fault on what was reaped must not map fresh pages, so
# check_stable_address_space() makes it VM_FAULT_SIGBUS. Another process
# reading the victim's memory through process_vm_readv(2) - GUP faulting
# the pages in - gets EFAULT from the first private page on, whether it
# was populated (and reaped) or never touched. Shared memory is not
# reaped: a page the victim mapped is still read, and one it never
# touched faults in (the check is for private mappings only). A read of
# a private file page still succeeds: the read fault maps the cached page
# through fault-around, which does not check (a store there would copy
# it, and that is SIGBUS).
mmap buf 4p rw- private
memfd m 2p
mmap sh 2p rw- shared file=m
mmap pf 1p rw- private file=m
fork child
@child touch buf 2p w
@child write sh 0x33
pidfd c @child
kill @child
process_vm_readv @child buf 2p => 8192
process_mrelease c => ok
process_vm_readv @child buf 1p => EFAULT
process_vm_readv @child buf+2p 1p => EFAULT
process_vm_readv @child sh 2p => 8192
process_vm_readv @child pf 1p => 4096
# the parent's own copy is untouched
process_vm_readv @main buf 4p => 16384
