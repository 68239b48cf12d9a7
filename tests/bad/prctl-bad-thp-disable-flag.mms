prctl thp_disable forever
