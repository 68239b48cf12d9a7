# Rule (fb_deferred_io_mmap): a kmemfb framebuffer (no struct page for the
# mm: VM_PFNMAP, vmf_insert_pfn) must be mapped MAP_SHARED, else EINVAL;
# one with struct page may be mapped private (writes are COW copies that
# the deferred I/O never sees). Unknown or bad options are EINVAL.
require model
open q fbdefio kmemfb=on
mmap b 1p rw- private file=q => EINVAL
mmap b 1p r-- private file=q => EINVAL
open k fbdefio
mmap a 1p rw- private file=k
write a 0x11
normal_page a => anon
defio_dirty a => none
open x fbdefio kmemfb=maybe => EINVAL
open x fbdefio pages=0 => EINVAL
open x fbdefio colour=on => EINVAL
mmap z 1p rw- private
defio_dirty z => ENODEV
