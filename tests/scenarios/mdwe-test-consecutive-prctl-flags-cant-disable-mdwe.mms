# mdwe_test.c, consecutive_prctl_flags/cant_disable_mdwe: PR_SET_MDWE
# with refuse_exec_gain, then with none: the second is EPERM (MDWE cannot be changed once set).
prctl mdwe refuse_exec_gain
prctl mdwe none => EPERM
prctl get_mdwe => refuse_exec_gain
