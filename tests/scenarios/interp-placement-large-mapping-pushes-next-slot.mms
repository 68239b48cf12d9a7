# Placement never collides: a 3 GiB mapping covers slots 1 and 2, so the
# automatic mmaps k = 1, 2 go past what is in the way, to the first 1 GiB
# boundary above its end (never touching it: no merge).  Where slot k is
# free the rule is k * 1g as before, even right after a's end (e merges
# with a, as two adjacent slots always could).
mmap a 3g rw- private                  # k=0: [0, 3g)
mmap b 1p rw- private                  # k=1: 1g is a's -> 4g (3g would touch a)
mmap c 1p rw- private                  # k=2: 2g is a's, 4g is b's -> 5g
mmap d 1p rw- private at=0x100180000000   # 6g, by hand
mmap e 2p rw- private                  # k=3: 3g is free -> 3g
mmap f 1p rw- private                  # k=4: 4g b, 5g c, 6g d -> 7g
maps =>
| 100000000000-1000c0002000 rw-p 00000000
| 100100000000-100100001000 rw-p 00000000
| 100140000000-100140001000 rw-p 00000000
| 100180000000-100180001000 rw-p 00000000
| 1001c0000000-1001c0001000 rw-p 00000000
