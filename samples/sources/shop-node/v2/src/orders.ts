// Signing orders so that the shop can check them later.
import { canonicalJson } from '@linescope-demo/canonical-json';
import { sha256 } from '@noble/hashes/sha2';

import type { Product } from './catalog';

export interface Order {
  orderId: number;
  query: string;
  items: Product[];
  totalCents: number;
}

/** Hex SHA-256 of the order's canonical JSON (sorted keys), hashed a few rounds like a key-stretching signature. */
export function digest(order: Order): string {
  const body = new TextEncoder().encode(canonicalJson(order));
  const quarter = body.subarray(0, body.length >> 2);
  let summed = sha256(body);
  for (let round = 0; round < 32; round++) {
    const next = new Uint8Array(summed.length + quarter.length);
    next.set(summed);
    next.set(quarter, summed.length);
    summed = sha256(next);
  }
  return Buffer.from(summed).toString('hex');
}
