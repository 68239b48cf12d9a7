memfd f 1p
fallocate f 0 1p zero_range
