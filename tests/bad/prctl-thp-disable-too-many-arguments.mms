prctl thp_disable none 0 0 0
