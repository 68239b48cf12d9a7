# machine ram= takes a size.
machine ram=lots
