# mdwe_test.c, consecutive_prctl_flags/cant_enable_no_inherit: PR_SET_MDWE
# with refuse_exec_gain, then with no_inherit: the second is EPERM (MDWE cannot be changed once set).
prctl mdwe refuse_exec_gain
prctl mdwe no_inherit => EPERM
prctl get_mdwe => refuse_exec_gain
