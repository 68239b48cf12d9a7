=> ok
