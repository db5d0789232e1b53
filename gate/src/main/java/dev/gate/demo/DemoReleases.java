package dev.gate.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo shop's history, in order: what each release changed and what it breaks. */
public final class DemoReleases {
    private static final List<DemoRelease> ALL = List.of(
            new DemoRelease("v1", "Open the shop: home, product list and product pages", "Maya Lindqvist",
                    Set.of(), Map.of(
                            "site/home.html", "<h1>Harbor Supply</h1>\n",
                            "site/product.html", "<h1>{{name}}</h1>\n",
                            "site/static/app.js", "// cart counter\n",
                            "api/products.sql", "select * from products limit 3;\n",
                            "api/health.conf", "pool=primary\n")),
            new DemoRelease("v2", "Add the free-shipping banner", "Tomás Ortega",
                    Set.of(), Map.of("site/home.html", "<h1>Harbor Supply</h1>\n<p class=banner>Free shipping</p>\n")),
            new DemoRelease("v3", "Cache product pages at the edge for an hour", "Priya Raman",
                    Set.of(Fault.STALE_PAGE), Map.of("edge/cache.vcl", "sub vcl_recv { if (req.url ~ \"^/p/\") { return (hash); } }\n")),
            new DemoRelease("v4", "Split the checkout code into its own chunk", "Jonas Berg",
                    Set.of(Fault.MISSING_CHUNK, Fault.DELETES_OLD_ASSETS), Map.of(
                            "site/product.html", "<h1>{{name}}</h1>\n<script src=checkout.js></script>\n",
                            "build/webpack.config.js", "splitChunks: { chunks: 'all' }\n")),
            new DemoRelease("v5", "Initialise the cart before the page is ready", "Aiko Tanaka",
                    Set.of(Fault.CONSOLE_ERROR), Map.of("site/static/app.js", "const total = window.cart.items.length;\n")),
            new DemoRelease("v6", "Show review counts in the product list", "Tomás Ortega",
                    Set.of(Fault.SLOW_API), Map.of("api/products.sql",
                            "select * from products limit 3;\n-- for each product:\nselect count(*) from reviews where product_id = ?;\n")),
            new DemoRelease("v7", "Move the health check to the new connection pool", "Priya Raman",
                    Set.of(Fault.BROKEN_API), Map.of("api/health.conf", "pool=replica-2\n")),
            new DemoRelease("v8", "Roll the new image to the fleet", "Jonas Berg",
                    Set.of(Fault.STALE_INSTANCE), Map.of("deploy/fleet.yaml", "instances: 2\nstrategy: rolling\n")),
            new DemoRelease("v9", "Personalise the recommendations under the cart", "Aiko Tanaka",
                    Set.of(Fault.FAILING_RECOMMENDATIONS), Map.of("api/recommendations.py",
                            "def recommend(user):\n    return similar(user.profile.history)\n")),
            new DemoRelease("v10", "Show the stock level in the product list", "Maya Lindqvist",
                    Set.of(Fault.CREEP), Map.of("api/products.sql",
                            "select p.*, s.quantity from products p join stock s on s.product_id = p.id limit 3;\n")),
            new DemoRelease("v11", "Sort the product list by popularity", "Jonas Berg",
                    Set.of(Fault.CREEP_AGAIN), Map.of("api/products.sql",
                            "select p.*, s.quantity from products p join stock s on s.product_id = p.id\n"
                                    + "order by (select count(*) from orders o where o.product_id = p.id) desc limit 3;\n")),
            new DemoRelease("v12", "Show each product's rating in the list", "Aiko Tanaka",
                    Set.of(Fault.CREEP_THIRD), Map.of("api/products.sql",
                            "select p.*, s.quantity, (select avg(stars) from reviews r where r.product_id = p.id) as rating\n"
                                    + "from products p join stock s on s.product_id = p.id\n"
                                    + "order by (select count(*) from orders o where o.product_id = p.id) desc limit 3;\n")));

    private DemoReleases() {
    }

    public static List<DemoRelease> all() {
        return ALL;
    }

    public static Optional<DemoRelease> byVersion(String version) {
        return ALL.stream().filter(r -> r.version().equals(version)).findFirst();
    }
}
