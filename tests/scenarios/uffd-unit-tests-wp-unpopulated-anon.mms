# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# wp-unpopulated on anon (MAP_PRIVATE anonymous), with
# UFFD_FEATURE_WP_UNPOPULATED: write-protecting a page never touched
# puts a uffd-wp PTE marker there (pagemap shows uffd-wp); resolving it
# removes the marker; MADV_DONTNEED removes a marker too; a write after
# that is an ordinary fault, unprotected; and a read of a protected
# unpopulated page maps the zero page, still protected, without the
# monitor.
mmap a 2p rw- private
uffd_api pagefault_flag_wp,wp_unpopulated
uffd_register a 2p wp
uffd_wp a 1p
pagemap a => swapped uffd-wp
uffd_unwp a 1p
pagemap a => none
uffd_wp a 1p
madvise a 1p dontneed
pagemap a => none
write a 1
pagemap a => present excl
madvise a 1p dontneed
uffd_wp a 1p
read a => 0
pagemap a => present uffd-wp
write a 2 => uffd-wp
madvise a 1p dontneed
pagemap a => none
