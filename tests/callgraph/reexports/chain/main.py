import pkg

body = pkg.fetch("/index")
