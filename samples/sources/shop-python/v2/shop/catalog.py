"""The shop's products and how they are searched."""

from dataclasses import dataclass

from sortedcontainers import SortedKeyList

ADJECTIVES = ["Oak", "Steel", "Blue", "Linen", "Walnut", "Brass", "Velvet", "Glass"]
NOUNS = ["Lamp", "Chair", "Desk", "Shelf", "Rug", "Table", "Stool", "Mirror"]
CATEGORIES = ["lighting", "seating", "tables", "storage", "decor"]


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: str
    price_cents: int
    stock: int


class Catalog:
    def __init__(self, products):
        self.products = products

    @classmethod
    def generate(cls, n):
        """A catalog of n products with predictable names and prices."""
        products = []
        for i in range(n):
            adjective = ADJECTIVES[i % len(ADJECTIVES)]
            noun = NOUNS[(i // len(ADJECTIVES)) % len(NOUNS)]
            products.append(
                Product(
                    sku=f"SKU-{i:05d}",
                    name=f"{adjective} {noun} Model {i}",
                    category=CATEGORIES[i % len(CATEGORIES)],
                    price_cents=500 + (i * 7919) % 25000,
                    stock=i % 13,
                )
            )
        return cls(products)

    def search(self, query, limit):
        """Products whose name contains every word of the query, best matches first."""
        words = query.lower().split()
        # Kept in rank order as they are found: best score first, then by SKU.
        hits = SortedKeyList(key=lambda hit: (-hit[0], hit[1].sku))
        for product in self.products:
            name = product.name.lower()
            score = 0
            for word in words:
                position = name.find(word)
                if position < 0:
                    score = -1
                    break
                score += match_score(position, product.stock)
            if score > 0:
                hits.add((score, product))
        return [product for _, product in hits[:limit]]


def match_score(position, stock):
    """Favours words found early in the name and products in stock."""
    score = 100 - position
    if stock > 0:
        score += 10
    return score
