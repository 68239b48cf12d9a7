# VM_PAT was gone before the 6.18 walkers came
design walk=6.18 pat=vm_pat
