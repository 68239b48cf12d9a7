# Two never-faulted anonymous mappings placed side by side merge into one
# VMA.  Moving the last page of the second into a hole it punches in the
# first merges it back into that same VMA, and unmapping the old page
# splits it again: the result is one VMA of 1g + 2 pages.  (make fuzz
# found the model reading the new VMA after that unmap had freed it.)
# Host-verified.
mmap a 1g rw- private
mmap b 3p rw- private
maps =>
| 100000000000-100040003000 rw-p 00000000
mremap b+2p 1p 1p maymove to=0x100000200000 as=n
maps =>
| 100000000000-100040002000 rw-p 00000000
