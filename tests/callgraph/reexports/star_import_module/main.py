from mathlib import *

result = add(mul(2, 3), 4)
