# munlock of the whole range after a partial munlock makes all flags equal
# again, so the three VMAs merge back into one.
mmap a 3p rw- private
mlock a 3p
munlock a+1p 1p
munlock a 3p
maps =>
| 100000000000-100000003000 rw-p 00000000
smaps a Locked => 0 kB
smaps a Rss => 12 kB
