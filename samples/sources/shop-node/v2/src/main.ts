// Runs the shop's request handlers against a synthetic load for a fixed time.
import { Catalog } from './catalog';
import { digest } from './orders';
import { bestBundle, total } from './pricing';

const QUERIES = ['lamp', 'oak', 'steel', 'blue chair', 'linen', 'desk'];

/** One request: search, price the best bundle of the hits, and sign the order. */
export function handleRequest(catalog: Catalog, query: string, n: number): string {
  const hits = catalog.search(query, 24);
  const bundle = bestBundle(hits, 600_00);
  return digest({ orderId: n, query, items: bundle, totalCents: total(bundle) });
}

export function serve(seconds: number): number {
  const catalog = Catalog.generate(2000);
  const deadline = performance.now() + seconds * 1000;
  let served = 0;
  while (performance.now() < deadline) {
    handleRequest(catalog, QUERIES[served % QUERIES.length], served);
    served++;
  }
  return served;
}

function main(args: string[]): void {
  const flag = args.indexOf('--duration');
  const seconds = flag >= 0 ? Number(args[flag + 1]) : 10;
  if (!(seconds > 0)) {
    throw new Error(`--duration needs a positive number of seconds, got ${args[flag + 1]}`);
  }
  const served = serve(seconds);
  console.log(`served ${served} requests in ${seconds}s`);
}

main(process.argv.slice(2));
