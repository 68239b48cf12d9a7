prctl get_mdwe 0 0 0 0 0
