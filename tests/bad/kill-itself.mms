fork child
@child kill @child
