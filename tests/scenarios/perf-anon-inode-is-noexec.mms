# A perf event fd is an anonymous inode, and anon_inodefs is a noexec
# filesystem: mmap drops VM_MAYEXEC (no "me" in VmFlags) and refuses
# PROT_EXEC with EPERM (path_noexec() in do_mmap).
open p perf
mmap x 3p r-x shared file=p => EPERM
mmap r 3p rw- shared file=p
smaps r VmFlags => rd wr sh mr mw ms pf io dc de dd
