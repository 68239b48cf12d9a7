design kernel=6.12
