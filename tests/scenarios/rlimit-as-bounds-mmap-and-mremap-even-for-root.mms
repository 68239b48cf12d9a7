# RLIMIT_AS bounds everything mapped - root included (no capability
# lifts it): mmap past it and mremap growing past it are ENOMEM, MAP_FIXED
# over existing pages only counts the growth.  (The limit is on the
# scenario's own mappings; see setrlimit in docs/scenarios.md.)
setrlimit as 8p
mmap a 6p r-- shared
mmap b 3p r-- private => ENOMEM
mmap b 2p r-- private
mmap a 6p r-- private,fixed at=a
mremap a 6p 7p => ENOMEM
mremap a 6p 5p
mmap c 1p rw- private
setrlimit as unlimited
mremap a 5p 7p
