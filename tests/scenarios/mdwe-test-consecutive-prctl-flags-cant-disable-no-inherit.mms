# mdwe_test.c, consecutive_prctl_flags/cant_disable_no_inherit: PR_SET_MDWE
# with no_inherit, then with refuse_exec_gain: the second is EPERM (MDWE cannot be changed once set).
prctl mdwe no_inherit
prctl mdwe refuse_exec_gain => EPERM
prctl get_mdwe => refuse_exec_gain no_inherit
