clear_refs 12
