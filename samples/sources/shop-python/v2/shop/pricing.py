"""Order totals and bundles of products within a budget."""


def best_bundle(products, budget_cents):
    """The products whose total price is as close to the budget as possible without going over."""
    products = products[:12]
    chosen = [False] * len(products)
    best = {"total": -1, "chosen": list(chosen)}
    best_subset(products, 0, budget_cents, 0, chosen, best)
    return [p for p, take in zip(products, best["chosen"]) if take]


def best_subset(products, i, budget, running_total, chosen, best):
    """Explores taking or skipping each product from index i on, keeping the best total in `best`."""
    if running_total > budget:
        return
    if i == len(products):
        if running_total > best["total"]:
            best["total"] = running_total
            best["chosen"] = list(chosen)
        return
    chosen[i] = True
    best_subset(products, i + 1, budget, running_total + products[i].price_cents, chosen, best)
    chosen[i] = False
    best_subset(products, i + 1, budget, running_total, chosen, best)


def total(items):
    """Order total in cents with 20% VAT."""
    return sum(with_tax(item.price_cents) for item in items)


def with_tax(cents):
    return (cents * 120 + 50) // 100
