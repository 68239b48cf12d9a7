require model
# With `design historic=pre5.8` a R/O long-term pin of a page-cache page in
# a private file mapping pins the file page; the later write COWs to an
# anon copy the pin never sees (cow.c non-anon, memfd).
design mixed historic=pre5.8   # pre-5.8 GUP inside a 6.18 kernel: no kernel had both
memfd f 1p
pwrite f 0 0x01 4096
mmap mem 1p rw- private file=f
read mem => 0x01
pin P mem 1p ro
normal_page mem => file           # 6.18 (cowc-memfd-ro-pin-*): anon
write mem 0xff 1p
pin_read P => 0x01                # 6.18: 0xff
unpin P
