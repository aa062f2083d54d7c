package com.linescope.shop;

import java.util.ArrayList;
import java.util.List;

/** Order totals and bundles of products within a budget. */
final class Pricing {
    private Pricing() {}

    /** The products whose total price is as close to the budget as possible without going over. */
    static List<Product> bestBundle(List<Product> hits, int budgetCents) {
        List<Product> products = hits.subList(0, Math.min(hits.size(), 16));
        boolean[] chosen = new boolean[products.size()];
        boolean[] best = new boolean[products.size()];
        bestSubset(products, 0, budgetCents, 0, chosen, best, -1);
        List<Product> bundle = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            if (best[i]) {
                bundle.add(products.get(i));
            }
        }
        return bundle;
    }

    /** Explores taking or skipping each product from index i on, recording the best total found so far in best. */
    static int bestSubset(List<Product> products, int i, int budget, int total, boolean[] chosen, boolean[] best,
            int bestTotal) {
        if (total > budget) {
            return bestTotal;
        }
        if (i == products.size()) {
            if (total > bestTotal) {
                System.arraycopy(chosen, 0, best, 0, chosen.length);
                return total;
            }
            return bestTotal;
        }
        chosen[i] = true;
        bestTotal = bestSubset(products, i + 1, budget, total + products.get(i).priceCents(), chosen, best, bestTotal);
        chosen[i] = false;
        return bestSubset(products, i + 1, budget, total, chosen, best, bestTotal);
    }

    /** Order total in cents with 20% VAT. */
    static int total(List<Product> items) {
        int total = 0;
        for (Product item : items) {
            total += withTax(item.priceCents());
        }
        return total;
    }

    private static int withTax(int cents) {
        return (cents * 120 + 50) / 100;
    }
}
