# A tmpfile in maps.  The host names an O_TMPFILE "/var/tmp/#INODE
# (deleted)"; both backends print the scenario's name in place of "#INODE"
# (a "#" would start a comment here).  Other opens of the file, and
# mappings that outlive the descriptor, show the same name.
file f 2p
mmap a 2p rw- shared file=f
mmap b 1p r-- private file=f off=1p
reopen g f rdonly
close f
mmap c 1p r-- shared file=g
maps =>
| 100000000000-100000002000 rw-s 00000000 /var/tmp/f (deleted)
| 100040000000-100040001000 r--p 00001000 /var/tmp/f (deleted)
| 100080000000-100080001000 r--s 00000000 /var/tmp/f (deleted)
