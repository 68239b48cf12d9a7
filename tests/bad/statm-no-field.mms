# statm takes exactly one field
statm
