# help and quit are the REPL's words, not the language's
help
