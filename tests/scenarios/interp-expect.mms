# Expectations: bytes compare as numbers, word sets in any order, blocks
# of lines (device and inode ignored), empty blocks, comments.

	# indented comment, then a blank line

maps =>
mmap a 3p rw- private
write a 7
read a => 7
read a => 0x07
read a => 0x7
read a+1 => 0
write a+1p 0x2a 1p
read a+1p 1p => 42
read a 2p => mixed
read a+2p 1p => 0x00
write a+4095 0xff 2                     # crosses a page boundary
read a+1p => 0xff
mprotect a+2p 1p ---
read a+2p => SIGSEGV
write a+2p 1 => SIGSEGV
smaps a VmFlags => rd wr mr mw me ac
smaps a VmFlags => ac me mw mr wr rd    # a set: order is free
maps =>
| 100000000000-100000002000   rw-p   00000000
|   100000002000-100000003000 ---p 00000000    # comment in a block
munmap a 3p
maps =>
