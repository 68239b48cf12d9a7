# mlock(2) of an empty range inside a mapping that cannot be populated
# (PROT_NONE) locks nothing and populates nothing: __mm_populate's loop
# runs while its cursor is below the end, so a zero length returns 0.
# Found by `mmsim difffuzz` (the model tried to populate the empty range
# and answered ENOMEM); the minimised reproducer is the first two lines.
mmap b 64p --- private
mlock b+1p 0
mlock b 0
mlock b+1p 0 onfault
munlock b+1p 0
smaps b Locked => 0 kB
# a real range of it still fails to populate
mlock b 1p => ENOMEM
