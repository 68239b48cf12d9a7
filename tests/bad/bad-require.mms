require kernel
