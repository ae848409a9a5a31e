import models

user = models.User("ada")
label = user.display()
