# A one-byte write 1 TiB into a one-page memfd stores one page: the page
# cache is sparse (an xarray), so the file grows to 1 TiB + 1 with holes
# that read as zeroes, and a mapping at that offset sees the byte.
# (Issue 10: a flat page-cache array made this cost 18 s and 4 GB.)
memfd f 1p
pwrite f 1024g 0x2a
pread f 1024g => 0x2a
pread f 512g => 0
pread f 1099511627777 => eof
mmap a 1p rw- shared file=f off=1024g
read a => 0x2a
# a store through the mapping lands in the last page but does not grow the file
write a+1 0x2b
read a+1 => 0x2b
pread f 1099511627777 => eof
mmap h 1p r-- shared file=f off=512g
read h => 0
