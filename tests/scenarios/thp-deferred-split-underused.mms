require model
# The deferred split shrinker also splits THPs it finds underused: more
# zero-filled pages than khugepaged's max_ptes_none
# (thp_max_ptes_none).  At the default, 511, none is (thp_underused()
# gives up at once).  The split maps the zero-filled pages to the zero
# page, freeing them.  A THP found used, or mlocked, leaves the queue; with
# shrink_underused off, new THPs are not queued at all.
profile thp=madvise thp_2048k=inherit
mmap a 8m rw- private
madvise a 8m hugepage
touch a 2m w
write a 1 300p
deferred_split_scan => 0
smaps a AnonHugePages => 2048 kB
profile thp_max_ptes_none=255
deferred_split_scan => 0
smaps a AnonHugePages => 2048 kB
touch a+2m 2m w
write a+2m 1 200p
touch a+4m 2m w
write a+4m 1 200p
mlock a+4m 2m
deferred_split_scan => 1
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2848 kB
read a+2m => 0x01
read a+711p => 0x01
read a+712p => 0x00
profile thp_shrink_underused=off
touch a+6m 2m w
profile thp_shrink_underused=on
deferred_split_scan => 0
smaps a+6m AnonHugePages => 2048 kB
