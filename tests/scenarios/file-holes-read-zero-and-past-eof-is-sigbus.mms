# A file of 5000 bytes: two pages, the second partial.  Never-written
# bytes (holes) read zero; the rest of the last page is mapped and reads
# zero too; a page wholly past the end is SIGBUS, read or write.  A store
# into the last page past the end does not grow the file.
file f 5000
mmap p 3p rw- shared file=f
read p 1p => 0
read p+1p 1p => 0
read p+2p => SIGBUS
write p+2p 1 => SIGBUS
pread f 4999 => 0
pread f 5000 => eof
write p+1p 7 4096
pread f 4999 => 7
pread f 5000 => eof
