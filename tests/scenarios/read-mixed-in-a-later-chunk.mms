# `read ADDR LEN` answers the byte when every byte of the range holds it,
# else "mixed".  The model reads in 64 KiB chunks: a range whose first
# chunk is uniform and whose later chunk holds one other byte is mixed,
# and a range that starts on that byte is mixed from its second byte on.
mmap a 256k rw- private
write a 0x01 256k
read a 256k => 0x01
write a+100k 0x02 1
read a 256k => mixed
read a 64k => 0x01
read a+64k 64k => mixed
read a+100k 1 => 0x02
read a+100k 2 => mixed
read a+99k 1024 => 0x01
read a+99k 1025 => mixed
# a later chunk uniform in another byte
write a+100k 0x01 1
write a+128k 0x03 64k
read a 128k => 0x01
read a+128k 64k => 0x03
read a 256k => mixed
