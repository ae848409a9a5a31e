import helpers

message = helpers.greet("ada")
