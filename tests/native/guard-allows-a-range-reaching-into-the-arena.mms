# A range that starts below the arena and reaches into it meets only the
# scenario's memory there: the arena is the scenario's, whoever mapped
# it (the guard compared it with the mappings made outside the arena).
mmap b 1 rw- private
write b 0x07
munmap b-1p 16p => ok
read b => SIGSEGV
