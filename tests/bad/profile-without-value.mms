profile zero_page
