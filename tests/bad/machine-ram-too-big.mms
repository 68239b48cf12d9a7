# The model's RAM stops below 8192g.
machine ram=8192g
