from .impl import compute as calculate
