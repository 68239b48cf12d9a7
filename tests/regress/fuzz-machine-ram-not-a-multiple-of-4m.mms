machine ram=63m
machine ram=64m
machine ram=64m
machine ram=64m
