from .paths import *
from .strings import *
