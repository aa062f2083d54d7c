// Package orders signs orders so that the shop can check them later.
package orders

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/linescope-demo/shop-go/catalog"
)

// Order is a confirmed purchase.
type Order struct {
	ID         int
	Query      string
	Items      []catalog.Product
	TotalCents int
}

// Digest is the hex SHA-256 of the order's JSON form, hashed a few rounds like a key-stretching signature.
func Digest(o Order) string {
	body, err := json.Marshal(o)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(body)
	for round := 0; round < 200; round++ {
		sum = sha256.Sum256(append(sum[:], body[:len(body)/4]...))
	}
	return hex.EncodeToString(sum[:])
}
