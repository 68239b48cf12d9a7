# memfd_secret.c, test_process_vm_read: a child cannot read its parent's
# secret memory with process_vm_readv(2): the remote pages are pinned
# through GUP, which refuses a secretmem VMA (check_vma_flags()), so
# nothing is read - EFAULT. The parent maps, sizes and fills the page
# after the fork, as the test does; a page of ordinary memory reads.
mmap plain 1p rw- private
write plain 0x11 1p
memfd_secret s
fork child
mmap mem 1p rw- shared file=s
ftruncate s 1p
write mem 0x55 1p
@child process_vm_readv @main mem 1p => EFAULT
@child process_vm_readv @main plain 1p => 4096
# a long-term pin is refused the same way; the owner still reads it
pin p mem 1p => EFAULT
read mem 1p => 0x55
