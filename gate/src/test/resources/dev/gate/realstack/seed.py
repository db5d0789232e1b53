"""Creates the shop's SQLite database: 1,000 products and 20,000 stock rows, the same every time."""
import random
import sqlite3
import sys

random.seed(20261201)
conn = sqlite3.connect(sys.argv[1])
conn.executescript("""
CREATE TABLE product(id INTEGER PRIMARY KEY, name TEXT, price REAL);
CREATE TABLE stock(id INTEGER PRIMARY KEY, product_id INTEGER, qty INTEGER);
""")
conn.executemany("INSERT INTO product VALUES (?, ?, ?)",
                 [(i, f"Product {i:04d}", random.random() * 100) for i in range(1000)])
conn.executemany("INSERT INTO stock(product_id, qty) VALUES (?, ?)",
                 [(random.randrange(1000), random.randrange(10)) for _ in range(20000)])
conn.execute("CREATE INDEX stock_product ON stock(product_id)")
conn.commit()
