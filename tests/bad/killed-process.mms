fork child
kill @child
@child write 0x100000000000 1
