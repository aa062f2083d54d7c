// The shop's products and how they are searched.

export interface Product {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  stock: number;
}

const ADJECTIVES = ['Oak', 'Steel', 'Blue', 'Linen', 'Walnut', 'Brass', 'Velvet', 'Glass'];
const NOUNS = ['Lamp', 'Chair', 'Desk', 'Shelf', 'Rug', 'Table', 'Stool', 'Mirror'];
const CATEGORIES = ['lighting', 'seating', 'tables', 'storage', 'decor'];

// Products on sale have SKUs of five digits whose last one is not 9 (9 marks a withdrawn product).
const LISTED = /^SKU-(\d{4})[0-8]$/;

export class Catalog {
  constructor(readonly products: Product[]) {}

  /** A catalog of n products with predictable names and prices. */
  static generate(n: number): Catalog {
    const products: Product[] = [];
    for (let i = 0; i < n; i++) {
      const adjective = ADJECTIVES[i % ADJECTIVES.length];
      const noun = NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length];
      products.push({
        sku: `SKU-${String(i).padStart(5, '0')}`,
        name: `${adjective} ${noun} Model ${i}`,
        category: CATEGORIES[i % CATEGORIES.length],
        priceCents: 500 + ((i * 7919) % 25000),
        stock: i % 13,
      });
    }
    return new Catalog(products);
  }

  /** Products whose name contains every word of the query, best matches first. */
  search(query: string, limit: number): Product[] {
    const words = query.toLowerCase().split(' ');
    const hits: Array<[number, Product]> = [];
    for (const product of this.products) {
      if (!LISTED.test(product.sku)) {
        continue;
      }
      const name = product.name.toLowerCase();
      let score = 0;
      for (const word of words) {
        const position = name.indexOf(word);
        if (position < 0) {
          score = -1;
          break;
        }
        score += matchScore(position, product.stock);
      }
      if (score > 0) {
        hits.push([score, product]);
      }
    }
    hits.sort((a, b) => b[0] - a[0] || (a[1].sku < b[1].sku ? -1 : 1));
    return hits.slice(0, limit).map(([, product]) => product);
  }
}

/** Favours words found early in the name and products in stock. */
function matchScore(position: number, stock: number): number {
  let score = 100 - position;
  if (stock > 0) {
    score += 10;
  }
  return score;
}
