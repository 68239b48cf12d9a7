# 06 - Truncation and SIGBUS
#
# A file mapping can be larger than the file. Pages wholly past the end of the
# file (EOF) have nothing behind them: touching them raises SIGBUS, not
# SIGSEGV. SIGSEGV means "no mapping / wrong protection"; SIGBUS means "the
# mapping is fine, but the object behind it has no page here".

memfd f 1p                   # the file is 1 page long...
mmap m 3p rw- shared file=f  # ...but we map 3 pages: mmap allows that

write m 0x11                 # page 0 is inside the file
read m+1p => SIGBUS          # page 1 is past EOF
pread f 1p => eof            # read(2) agrees: nothing there

# Growing the file (ftruncate) makes the page valid; new file space reads as
# zeroes.
ftruncate f 2p
read m+1p => 0
write m+1p 0x22
pread f 1p => 0x22
read m+2p => SIGBUS          # page 2 is still past EOF

# Shrinking the file throws the cut-off pages out of the page cache AND out of
# every process's page tables (mm/truncate.c, unmap_mapping_range). The
# mapping itself is untouched - only the pages are gone.
ftruncate f 1p
read m+1p => SIGBUS
pagemap m+1p => none
maps =>
| 100000000000-100000003000 rw-s 00000000 /memfd:f (deleted)

# Growing it again does not bring the old data back: a hole reads as zeroes.
ftruncate f 2p
read m+1p => 0

# The same holds for a MAP_PRIVATE mapping, even for a page it had already
# copied: truncation removes private copies past EOF too (POSIX requires
# SIGBUS past EOF, whatever the mapping type).
mmap p 2p rw- private file=f
write p+1p 0x33              # a private copy of page 1
ftruncate f 1p
read p+1p => SIGBUS
read p => 0x11
