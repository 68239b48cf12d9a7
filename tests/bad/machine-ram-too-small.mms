machine ram=1m
