from toolkit import *

parts = split_path("a/b")
joined = join_path(parts)
