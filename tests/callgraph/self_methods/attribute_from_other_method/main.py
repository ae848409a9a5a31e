class Connection:
    def __init__(self, dsn):
        self.dsn = dsn

    def execute(self, sql):
        return sql.lower()

    def close(self):
        self.dsn = None


class Database:
    def __init__(self, dsn):
        self.dsn = dsn
        self.conn = None

    def connect(self):
        self.conn = Connection(self.dsn)

    def query(self, sql):
        if self.conn is None:
            self.connect()
        return self.conn.execute(sql)

    def shutdown(self):
        self.conn.close()


db = Database("sqlite://")
db.query("SELECT 1")
db.shutdown()
