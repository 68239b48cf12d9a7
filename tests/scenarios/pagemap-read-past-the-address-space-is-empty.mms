# /proc/PID/pagemap has an entry for every page below TASK_SIZE; a read
# at the offset of an address at or above it is clamped to the end and
# copies nothing, so reading one entry there comes back short (shown as
# EIO), in the parent and in a child alike.  Found by `mmsim difffuzz`
# (the model refused the address with EINVAL); minimised reproducer:
#   pagemap 0x7ffffffff000
pagemap 0x7ffffffff000 => EIO
pagemap 0xfffffffff000 => EIO
fork child
@child pagemap 0x7ffffffff000 => EIO
