package dev.gate.demo;

import dev.gate.checks.commit.CommitId;

/** The HTML, JavaScript and JSON of the demo shop, as each release renders them. */
final class DemoPages {
    static final int PRODUCTS = 50;
    /** Where each release's build manifest is, as Vite writes it. */
    static final String MANIFEST = "/.vite/manifest.json";

    private DemoPages() {
    }

    /** Asset names carry a content hash, as real builds do; here the commit stands in for it. */
    static String assetHash(CommitId commit) {
        return commit.hex().substring(0, 8);
    }

    static String home(DemoRelease release, CommitId commit) {
        String banner = release.version().equals("v1") ? ""
                : "<p class=\"banner\">Free shipping on orders over €50</p>\n";
        return layout("Harbor Supply · Home", commit, """
                <h1>Harbor Supply</h1>
                %s<p>Rope, lanterns and foghorns since 1911.</p>
                <ul id="featured">
                  <li><a href="/p/42">Brass foghorn</a></li>
                  <li><a href="/p/7">Storm lantern</a></li>
                  <li><a href="/p/3">Manila rope, 20 m</a></li>
                </ul>
                <p>Products in stock: <span id="count">…</span></p>
                """.formatted(banner), "");
    }

    static String productList(CommitId commit) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            items.append("  <li><a href=\"/p/").append(i).append("\">").append(name(i)).append("</a></li>\n");
        }
        return layout("Harbor Supply · Products", commit, "<h1>Products</h1>\n<ul id=\"products\">\n" + items + "</ul>\n", "");
    }

    static String product(DemoRelease release, CommitId commit, int id) {
        String chunk = release.has(Fault.MISSING_CHUNK)
                ? "<script src=\"/static/checkout." + assetHash(commit) + ".js\"></script>\n" : "";
        return layout("Harbor Supply · " + name(id), commit, """
                <h1 id="product-name">%s</h1>
                <p class="price">€%d.00</p>
                <button id="add-to-cart">Add to cart</button>
                """.formatted(name(id), 10 + id * 3 % 90), chunk);
    }

    /**
     * The release's build manifest, in Vite's shape: the entry every page loads (script and
     * stylesheet) and the checkout chunk it imports only when a customer opens the cart.
     */
    static String manifest(CommitId commit) {
        String h = assetHash(commit);
        return """
                {
                  "index.html": {"file": "static/app.%1$s.js", "src": "index.html", "isEntry": true,
                                 "css": ["static/style.%1$s.css"], "dynamicImports": ["src/Checkout.js"]},
                  "src/Checkout.js": {"file": "assets/Checkout-%1$s.js", "src": "src/Checkout.js", "isDynamicEntry": true}
                }
                """.formatted(h);
    }

    static String checkoutJs() {
        return "export function openCheckout() { document.body.setAttribute('data-checkout', '1'); }\n";
    }

    static String appJs(DemoRelease release) {
        String broken = release.has(Fault.CONSOLE_ERROR)
                ? "  const total = window.cart.items.length; // the cart is not there yet\n" : "";
        return """
                (function () {
                %s  fetch('/api/products').then(function (r) { return r.json(); }).then(function (d) {
                    var el = document.getElementById('count');
                    if (el) { el.textContent = String(d.count); }
                  });
                  document.documentElement.setAttribute('data-ready', '1');
                })();
                """.formatted(broken);
    }

    static String css() {
        return """
                body { font-family: system-ui, sans-serif; margin: 0; color: #102a43; }
                nav { background: #243b53; padding: .75rem 1rem; }
                nav a { color: #f0f4f8; margin-right: 1rem; }
                main { padding: 1rem; }
                .banner { background: #ffe8a3; padding: .5rem; }
                """;
    }

    static String health(CommitId commit, boolean broken) {
        if (broken) {
            return "{\"status\":\"degraded\",\"commit\":\"" + commit.hex() + "\",\"error\":\"connection pool replica-2 has no free connections\"}";
        }
        return "{\"status\":\"ok\",\"commit\":\"" + commit.hex() + "\",\"checks\":{\"db\":\"ok\",\"cache\":\"ok\"}}";
    }

    static String products() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            if (i > 1) {
                items.append(',');
            }
            items.append("{\"id\":").append(i).append(",\"name\":\"").append(name(i)).append("\",\"price\":")
                    .append(10 + i * 3).append('}');
        }
        return "{\"count\":" + PRODUCTS + ",\"items\":[" + items + "]}";
    }

    static String version(DemoRelease release, CommitId commit) {
        return "{\"version\":\"" + release.version() + "\",\"commit\":\"" + commit.hex() + "\"}";
    }

    static String login(CommitId commit, boolean invalid) {
        String error = invalid ? "<p role=\"alert\" class=\"error\">Invalid password</p>\n" : "";
        return layout("Harbor Supply · Sign in", commit, error + """
                <h1>Sign in</h1>
                <form method="post" action="/login">
                  <label>User <input id="user" name="user" autocomplete="username"></label>
                  <label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label>
                  <button type="submit">Sign in</button>
                </form>
                """, "");
    }

    static String account(CommitId commit, String customer) {
        return layout("Harbor Supply · Your account", commit, """
                <h1 id="account">Ahoy, %s</h1>
                <p>No orders at sea right now.</p>
                """.formatted(customer), "");
    }

    static String notFound() {
        return "<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>";
    }

    static String name(int id) {
        String[] names = {"Manila rope, 20 m", "Signal flag set", "Storm lantern", "Ship's bell", "Tide clock",
            "Deck brush", "Brass foghorn", "Canvas bag", "Barometer", "Compass"};
        return names[(id - 1) % names.length] + (id > names.length ? " No. " + id : "");
    }

    private static String layout(String title, CommitId commit, String main, String extraScripts) {
        String h = assetHash(commit);
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <meta name="commit" content="%s">
                <link rel="stylesheet" href="/static/style.%s.css">
                </head>
                <body>
                <nav><a href="/">Home</a> <a href="/products">Products</a> <a href="/cart">Cart</a></nav>
                <main id="main">
                %s</main>
                <footer data-commit="%s">build %s</footer>
                <script src="/static/app.%s.js"></script>
                %s</body>
                </html>
                """.formatted(title, commit.hex(), h, main, commit.hex(), commit.shortHex(), h, extraScripts);
    }
}
