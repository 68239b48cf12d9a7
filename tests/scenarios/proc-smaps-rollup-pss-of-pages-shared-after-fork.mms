# smaps_rollup divides a page's PSS among the processes that map it, as
# smaps does, and sums it over the whole mm: after fork both processes
# map the written pages, each counted half (Pss_Anon); a copy-on-write
# store gives each its own page again. Every process takes its mark
# after the fork: the agents on the host share their own pages too (for
# the same reason no process exits here: on the host the survivor's
# share of the agent's read-only pages would grow).
mmap a 2p rw- private
touch a 2p w
fork child
proc_mark
@child proc_mark
@child write a 0x22
smaps_rollup Rss => +0 kB
smaps_rollup Pss_Anon => +2 kB          # page 0: 2 kB shared -> 4 kB own
smaps_rollup Pss_Dirty => +2 kB
smaps_rollup Shared_Dirty => -4 kB
smaps_rollup Private_Dirty => +4 kB
@child smaps_rollup Rss => +0 kB
@child smaps_rollup Pss_Anon => +2 kB
@child smaps_rollup Private_Dirty => +4 kB
@child status RssAnon => +0 kB
