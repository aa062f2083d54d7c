// Order totals and bundles of products within a budget.
import type { Product } from './catalog';

interface Best {
  total: number;
  chosen: boolean[];
}

/** The products whose total price is as close to the budget as possible without going over. */
export function bestBundle(products: Product[], budgetCents: number): Product[] {
  const candidates = products.slice(0, 12);
  const chosen = candidates.map(() => false);
  const best: Best = { total: -1, chosen: [...chosen] };
  bestSubset(candidates, 0, budgetCents, 0, chosen, best);
  return candidates.filter((_, i) => best.chosen[i]);
}

/** Explores taking or skipping each product from index i on, keeping the best total in `best`. */
function bestSubset(products: Product[], i: number, budget: number, running: number, chosen: boolean[], best: Best) {
  if (running > budget) {
    return;
  }
  if (i === products.length) {
    if (running > best.total) {
      best.total = running;
      best.chosen = [...chosen];
    }
    return;
  }
  chosen[i] = true;
  bestSubset(products, i + 1, budget, running + products[i].priceCents, chosen, best);
  chosen[i] = false;
  bestSubset(products, i + 1, budget, running, chosen, best);
}

/** Order total in cents with 20% VAT. */
export function total(items: Product[]): number {
  return items.reduce((sum, item) => sum + withTax(item.priceCents), 0);
}

function withTax(cents: number): number {
  return Math.floor((cents * 120 + 50) / 100);
}
