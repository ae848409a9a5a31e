import app.config as cfg

settings = cfg.load()
