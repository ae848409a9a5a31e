from views import page

html = page.show("home")
