# mdwe_test.c, mdwe/enabled/mprotect_WRITE_EXEC: making a writable mapping executable is refused under MDWE,
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p -w- shared
mprotect p 1p -wx => EACCES
