setrlimit stack 1m
