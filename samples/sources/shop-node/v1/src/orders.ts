// Signing orders so that the shop can check them later.
import { createHash } from 'node:crypto';

import type { Product } from './catalog';

export interface Order {
  orderId: number;
  query: string;
  items: Product[];
  totalCents: number;
}

/** Hex SHA-256 of the order's JSON, hashed a few rounds like a key-stretching signature. */
export function digest(order: Order): string {
  const body = Buffer.from(JSON.stringify(order, null, 2));
  let summed = createHash('sha256').update(body).digest();
  for (let round = 0; round < 32; round++) {
    summed = createHash('sha256')
      .update(summed)
      .update(body.subarray(0, body.length >> 2))
      .digest();
  }
  return summed.toString('hex');
}
