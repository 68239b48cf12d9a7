# UFFDIO_WRITEPROTECT on anonymous memory changes present entries only
# (no markers): over an 8 GiB registered range with two pages written it
# visits their PTE tables and steps over the missing ones, as the
# kernel's change_protection() does, instead of looking up every page.
uffd_api pagefault_flag_wp
mmap a 8g rw- private
uffd_register a 8g wp
write a 0x11
write a+7g 0x22
uffd_wp a 8g
write a 0x33 => uffd-wp
write a+7g 0x44 => uffd-wp
write a+4g 0x55
read a+4g => 0x55
