"""A small shop on SQLite, served by gunicorn behind nginx in gate's real-stack tests.

The release lives in $SHOP_ROOT/current (a symlink the deploy flips): release.json there names
its commit and how many extra queries per product it makes on average (0 for a healthy release;
an N+1 release makes more). Each new worker reads it when it starts, as after gunicorn's HUP.
"""
import html
import json
import os
import sqlite3

ROOT = os.environ["SHOP_ROOT"]
with open(os.path.join(ROOT, "current", "release.json")) as f:
    RELEASE = json.load(f)
COMMIT = RELEASE["commit"]
EXTRA = float(RELEASE.get("extra_queries", 0))
DB = os.path.join(ROOT, "shop.db")


def products(conn):
    rows = conn.execute("SELECT id, name, price FROM product ORDER BY name LIMIT 400").fetchall()
    out = []
    for i, (pid, name, price) in enumerate(rows):
        stock = conn.execute("SELECT SUM(qty) FROM stock WHERE product_id = ?", (pid,)).fetchone()[0]
        # 0.5 extra queries a product: one more for every second product
        for _ in range(int((i + 1) * EXTRA) - int(i * EXTRA)):
            conn.execute("SELECT SUM(qty) FROM stock WHERE product_id = ?", (pid,)).fetchone()
        out.append((pid, name, price, stock or 0))
    return out


def app(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    conn = sqlite3.connect(DB)
    try:
        if path == "/health":
            body, ctype = b'{"status": "ok"}', "application/json"
        elif path == "/api/products":
            items = [{"id": p, "name": n, "price": round(pr, 2), "stock": s} for p, n, pr, s in products(conn)]
            body, ctype = json.dumps({"commit": COMMIT, "items": items}).encode(), "application/json"
        elif path in ("/", "/products/"):
            lis = "".join(f"<li>{html.escape(n)} {pr:.2f} ({s})</li>" for _, n, pr, s in products(conn))
            body = (f'<!doctype html><html><head><meta name="commit" content="{COMMIT}"><title>Shop</title>'
                    f'</head><body><h1>Products</h1><ul id="products">{lis}</ul></body></html>').encode()
            ctype = "text/html; charset=utf-8"
        else:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
    finally:
        conn.close()
    start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))])
    return [body]
