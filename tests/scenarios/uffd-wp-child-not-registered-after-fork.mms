# Without UFFD_FEATURE_EVENT_FORK the child's VMAs lose VM_UFFD_WP and its
# entries lose uffd-wp: the child's write is an ordinary COW.
mmap a 1p rw- private
write a 0x01
uffd_register a 1p
uffd_wp a 1p
fork child
@child pagemap a => present
@child write a 0x22
write a 0x33 => uffd-wp
read a => 0x01
