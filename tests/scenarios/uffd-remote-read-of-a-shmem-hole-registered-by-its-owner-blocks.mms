# A hole of a memfd, read through the child's shared mapping of it that
# the child registered for missing faults: shmem's fault hands it to the
# child's monitor (shmem_get_folio_gfp -> handle_userfault), and main's
# process_vm_readv waits there for ever - the child is idle.  What
# counts is the VMA the read goes through: main's own mapping of the
# file is not registered.
memfd f 1m
mmap a 1p rw- shared file=f
fork child
@child uffd_register a 1p missing
process_vm_readv @child a 1p => blocks
