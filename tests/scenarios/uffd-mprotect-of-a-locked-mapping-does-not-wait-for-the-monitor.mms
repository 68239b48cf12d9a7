# mprotect making a locked private mapping writable breaks COW at once
# through populate_vma_page_range() without @locked: GUP that may not
# wait, so handle_userfault() answers SIGBUS and nothing is served - the
# write-protected zero page stays as it was, and a store goes to the
# monitor.
mmap b 1p r-- private
mlock b 1p
uffd_register b 1p wp
uffd_wp b 1p
pagemap b => present uffd-wp
mprotect b 1p rw-
pagemap b => present uffd-wp
write b 1 => uffd-wp
