package catalog

import (
	"sort"
	"strings"
)

// Search returns up to limit products whose name contains every word of the query, best matches first.
func (c *Catalog) Search(query string, limit int) []Product {
	words := strings.Fields(strings.ToLower(query))
	type hit struct {
		product Product
		score   int
	}
	var hits []hit
	for i, p := range c.Products {
		name := c.lowerNames[i]
		score := 0
		for _, w := range words {
			if !strings.Contains(name, w) {
				score = -1
				break
			}
			score += matchScore(name, w, p.Stock)
		}
		if score > 0 {
			hits = append(hits, hit{product: p, score: score})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].product.SKU < hits[j].product.SKU
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Product, len(hits))
	for i, h := range hits {
		out[i] = h.product
	}
	return out
}

// matchScore favours words found early in the name and products in stock. Small enough for the compiler to inline.
func matchScore(name, word string, stock int) int {
	score := 100 - strings.Index(name, word)
	if stock > 0 {
		score += 10
	}
	return score
}
