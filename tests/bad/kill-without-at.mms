fork child
kill child
