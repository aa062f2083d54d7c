"""Signing orders so that the shop can check them later."""

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass
class Order:
    order_id: int
    query: str
    items: list
    total_cents: int


def digest(order):
    """Hex SHA-256 of the order's canonical JSON, hashed a few rounds like a key-stretching signature."""
    body = json.dumps(asdict(order), indent=2, sort_keys=True).encode()
    summed = hashlib.sha256(body).digest()
    for _ in range(32):
        summed = hashlib.sha256(summed + body[: len(body) // 4]).digest()
    return summed.hex()
