# mdwe_test.c, mdwe/enabled/mmap_READ_EXEC: a readable and executable shared anonymous mapping is allowed,
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p r-x shared
