package catalog

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/search"
)

// matcher compares the way shoppers expect: case and accents do not matter ("creme" finds "Crème").
var matcher = search.New(language.English, search.IgnoreCase, search.IgnoreDiacritics)

// Search returns up to limit products whose name contains every word of the query, best matches first.
func (c *Catalog) Search(query string, limit int) []Product {
	var patterns []*search.Pattern
	for _, w := range strings.Fields(query) {
		patterns = append(patterns, matcher.CompileString(w))
	}
	type hit struct {
		product Product
		score   int
	}
	var hits []hit
	for _, p := range c.Products {
		score := 0
		for _, pattern := range patterns {
			start, _ := pattern.IndexString(p.Name)
			if start < 0 {
				score = -1
				break
			}
			score += matchScore(start, p.Stock)
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
func matchScore(start, stock int) int {
	score := 100 - start
	if stock > 0 {
		score += 10
	}
	return score
}
