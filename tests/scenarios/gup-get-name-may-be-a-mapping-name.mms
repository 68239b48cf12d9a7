# Only ADDR arguments of model-only commands are names of mappings: a
# reference set or a pin called like a mapping keeps its own name, and is
# found by it afterwards, wherever the mapping name points by then.
require model
mmap a 1p rw- private
mmap b 1p rw- private
write a 0x11 1p
write b 0x12 1p
gup_get a a 1p
gup_read a => 0x11
pin b b 1p
pin_read b => 0x12
# `a` and `b` now name other mappings; the set and the pin keep theirs
mmap a 1p rw- private
mmap b 1p rw- private
write a 0x21 1p
write b 0x22 1p
gup_read a => 0x11
pin_read b => 0x12
gup_put a
gup_read a => ENOENT
unpin b
