def require_login():
    return True
