# Only a remote access can wait for ever: a process's own access goes to
# its own monitor (uffd-missing), never `blocks`.
mmap a 1p rw- private
uffd_register a 1p missing
read a => blocks
