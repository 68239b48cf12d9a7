# the value names the valid ones
design walk=kernel
