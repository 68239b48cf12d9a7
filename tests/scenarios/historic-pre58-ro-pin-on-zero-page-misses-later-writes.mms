require model
# With `design historic=pre5.8` (GUP before Linux 5.8) a R/O long-term pin
# takes the shared zero page as it is: nothing unshares it, the later write
# COWs away, and the pin never sees it - cow.c's non-anon "R/O longterm
# GUP pin" case fails. (The anon cases break an mm_check invariant, so
# they are unit tests: tests/unit/test_historic.c.)
design mixed historic=pre5.8   # pre-5.8 GUP inside a 6.18 kernel: no kernel had both
mmap mem 1p rw- private
read mem => 0
pin P mem 1p ro
write mem 0xff 1p
pin_read P => 0x00                # 6.18 (cowc-zeropage-ro-pin-*): 0xff
unpin P
design historic=current
