// Package catalog holds the shop's products and searches them.
package catalog

import "fmt"

// Product is one item for sale.
type Product struct {
	SKU        string
	Name       string
	Category   string
	PriceCents int
	Stock      int
}

// Catalog is the list of products on sale.
type Catalog struct {
	Products []Product
}

var (
	adjectives = []string{"Oak", "Steel", "Blue", "Linen", "Crème", "Walnut", "Brass", "Velvet", "Glass"}
	nouns      = []string{"Lamp", "Chair", "Desk", "Shelf", "Rug", "Table", "Stool", "Mirror"}
	categories = []string{"lighting", "seating", "tables", "storage", "decor"}
)

// New builds a catalog of n products with predictable names and prices.
func New(n int) *Catalog {
	c := &Catalog{Products: make([]Product, 0, n)}
	for i := 0; i < n; i++ {
		adjective := adjectives[i%len(adjectives)]
		noun := nouns[(i/len(adjectives))%len(nouns)]
		c.Products = append(c.Products, Product{
			SKU:        fmt.Sprintf("SKU-%05d", i),
			Name:       fmt.Sprintf("%s %s Model %d", adjective, noun, i),
			Category:   categories[i%len(categories)],
			PriceCents: 500 + (i*7919)%25000,
			Stock:      i % 13,
		})
	}
	return c
}
