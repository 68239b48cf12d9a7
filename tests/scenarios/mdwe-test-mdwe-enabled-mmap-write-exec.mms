# mdwe_test.c, mdwe/enabled/mmap_WRITE_EXEC: a writable and executable mapping is refused under MDWE (EACCES),
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p -wx shared => EACCES
