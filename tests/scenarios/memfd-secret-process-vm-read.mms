# memfd_secret.c, test_process_vm_read: another process cannot read the
# secret memory through process_vm_readv(2), which pins the remote pages
# with GUP; GUP refuses a secretmem VMA (check_vma_flags(): EFAULT).
# process_vm_readv is not in the language: `pin` meets the same refusal
# (pin_user_pages with FOLL_LONGTERM; io_uring buffer registration on
# the host). The test maps, sizes and fills a page first, as here.
memfd_secret s
mmap mem 1p rw- shared file=s
ftruncate s 1p
write mem 0x55 1p
pin p mem 1p => EFAULT
# the memory itself is intact and the owner reads it
read mem 1p => 0x55
