# mdwe_test.c, mdwe/inherited/mmap_WRITE_EXEC: a writable and executable mapping is refused under MDWE (EACCES),
# in a child that inherited MDWE.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
fork child
@child prctl get_mdwe => refuse_exec_gain
@child mmap p 1p -wx shared => EACCES
