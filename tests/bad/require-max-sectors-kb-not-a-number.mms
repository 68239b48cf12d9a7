require max_sectors_kb=12k
