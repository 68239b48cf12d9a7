# control bytes in a command are escaped, never sent raw
foo[Abar 1
