package com.linescope.shop;

import java.util.List;

/** Runs the shop's request handlers against a synthetic load for a fixed time. */
public final class Main {
    private static final String[] QUERIES = {"lamp", "oak", "steel", "blue chair", "linen", "desk"};

    private Main() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10.0;
        long served = serve(seconds);
        System.out.printf("served %d requests in %.1fs%n", served, seconds);
    }

    static long serve(double seconds) {
        Catalog catalog = Catalog.generate(3000);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long served = 0;
        while (System.nanoTime() < deadline) {
            handleRequest(catalog, QUERIES[(int) (served % QUERIES.length)], served);
            served++;
        }
        return served;
    }

    /** One request: search, price the best bundle of the hits, and sign the order. */
    static String handleRequest(Catalog catalog, String query, long n) {
        List<Product> hits = catalog.search(query, 24);
        List<Product> bundle = Pricing.bestBundle(hits, 900_00);
        Order order = new Order(n, query, bundle, Pricing.total(bundle));
        return Orders.digest(order);
    }
}
