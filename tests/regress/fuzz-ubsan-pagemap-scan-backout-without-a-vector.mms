# make fuzz (UBSan): PAGEMAP_SCAN with PM_SCAN_WP_MATCHING and no output
# vector, asked for part of a written THP, splits the PMD and takes back
# the range it did not output; pagemap_scan_backout_range() indexed the
# NULL vector before it checked for one (applying an offset to a null
# pointer).  The scenario pagemap-scan-wp-without-a-vector-protects-part-
# of-a-thp states the behaviour (host-verified).
uffd_api wp_async,wp_unpopulated
mmap map 2m rw- private
madvise map 2m hugepage
write map 0 2m
uffd_register map 2m wp
pagemap_scan map 3p vec=null flags=wp,check_wpasync mask=written return=written
