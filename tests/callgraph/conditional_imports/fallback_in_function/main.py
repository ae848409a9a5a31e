from config.loader import load

settings = load("a=1,b=2")
