prctl thp
