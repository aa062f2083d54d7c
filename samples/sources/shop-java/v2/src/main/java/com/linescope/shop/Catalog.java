package com.linescope.shop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.lang3.StringUtils;

/** The shop's products and how they are searched. */
public final class Catalog {
    private static final String[] ADJECTIVES = {"Oak", "Steel", "Blue", "Linen", "Walnut", "Brass", "Velvet", "Glass"};
    private static final String[] NOUNS = {"Lamp", "Chair", "Desk", "Shelf", "Rug", "Table", "Stool", "Mirror"};
    private static final String[] CATEGORIES = {"lighting", "seating", "tables", "storage", "decor"};

    private final List<Product> products;

    private Catalog(List<Product> products) {
        this.products = products;
    }

    /** A catalog of n products with predictable names and prices. */
    static Catalog generate(int n) {
        List<Product> products = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String adjective = ADJECTIVES[i % ADJECTIVES.length];
            String noun = NOUNS[(i / ADJECTIVES.length) % NOUNS.length];
            products.add(new Product(
                    String.format("SKU-%05d", i),
                    adjective + " " + noun + " Model " + i,
                    CATEGORIES[i % CATEGORIES.length],
                    500 + (i * 7919) % 25000,
                    i % 13));
        }
        return new Catalog(products);
    }

    private record Hit(Product product, int score) {}

    /** Products whose name contains every word of the query, best matches first. */
    List<Product> search(String query, int limit) {
        List<String> words = Arrays.asList(query.toLowerCase(Locale.ROOT).split(" "));
        return products.stream()
                .map(product -> new Hit(product, score(product, words)))
                .filter(hit -> hit.score() > 0)
                .sorted(Comparator.comparingInt((Hit hit) -> -hit.score()).thenComparing(hit -> hit.product().sku()))
                .limit(limit)
                .map(Hit::product)
                .collect(Collectors.toList());
    }

    private static int score(Product product, List<String> words) {
        int score = 0;
        for (String word : words) {
            // Compares case-insensitively in place instead of lowering every name (Apache Commons Lang).
            int position = StringUtils.indexOfIgnoreCase(product.name(), word);
            if (position < 0) {
                return -1;
            }
            score += matchScore(position, product.stock());
        }
        return score;
    }

    /** Favours words found early in the name and products in stock; small enough for the JIT to inline. */
    private static int matchScore(int position, int stock) {
        int score = 100 - position;
        if (stock > 0) {
            score += 10;
        }
        return score;
    }
}
