# pagemap_ioctl.c, sanity_tests_sd 9 ("Smaller vec"), with a fixed
# pattern for the test's random one: 10000 pages, every other page of
# the first 200 written; a 50-region vector gets 50 pages per scan and
# the next scan goes on from walk_end, until every written page was
# read once.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 10000p rw- private
uffd_register mem 10000p
uffd_wp mem 10000p
pagemap_scan mem 10000p vec=null flags=wp,check_wpasync mask=written return=written
touch mem 200p w every=2p
pagemap_scan mem 10000p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=50 pages=50 walk_end=100000064000
pagemap_scan mem+100p 9900p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=50 pages=50 walk_end=100002710000
pagemap_scan mem 10000p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=100002710000
# again, with a pattern that crosses the first scan's stop
touch mem+1p 300p w every=3p
pagemap_scan mem 10000p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=50 pages=50 walk_end=100000097000
pagemap_scan mem+151p 9849p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=50 pages=50 walk_end=100002710000
pagemap_scan mem+301p 9699p vec_len=50 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=100002710000
