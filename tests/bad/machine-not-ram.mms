machine cpus=2
