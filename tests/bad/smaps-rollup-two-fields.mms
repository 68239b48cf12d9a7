# smaps_rollup takes one field
smaps_rollup Rss Pss
