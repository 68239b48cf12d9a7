profile thp=sometimes
