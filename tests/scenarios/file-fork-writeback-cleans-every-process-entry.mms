# folio_mkclean walks the file's rmap: writeback write-protects the entries
# of every process that maps the page, so each one's next store faults and
# dirties it again (seen from the parent, whose own entry stays clean).
file f 1p
mmap p 1p rw- shared file=f
write p 1
fsync f
fork c
@c write p 2
smaps p Shared_Dirty => 4 kB
fsync f
smaps p Shared_Dirty => 0 kB
smaps p Shared_Clean => 4 kB
@c write p 3
smaps p Shared_Dirty => 4 kB
@c exit
read p => 3
