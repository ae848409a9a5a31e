from app.api.v1.users import list_users

users = list_users()
