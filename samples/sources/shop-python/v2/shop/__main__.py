"""Runs the shop's request handlers against a synthetic load for a fixed time."""

import argparse
import time

from shop.catalog import Catalog
from shop.orders import Order, digest
from shop.pricing import best_bundle, total

QUERIES = ["lamp", "oak", "steel", "blue chair", "linen", "desk"]


def handle_request(catalog, query, n):
    """One request: search, price the best bundle of the hits, and sign the order."""
    hits = catalog.search(query, limit=24)
    bundle = best_bundle(hits, budget_cents=600_00)
    order = Order(order_id=n, query=query, items=bundle, total_cents=total(bundle))
    return digest(order)


def serve(seconds):
    catalog = Catalog.generate(2000)
    deadline = time.monotonic() + seconds
    served = 0
    while time.monotonic() < deadline:
        handle_request(catalog, QUERIES[served % len(QUERIES)], served)
        served += 1
    return served


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of synthetic load")
    args = parser.parse_args()
    served = serve(args.duration)
    print(f"served {served} requests in {args.duration}s")


if __name__ == "__main__":
    main()
