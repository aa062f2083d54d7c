// Command shop-go runs the shop's request handlers against a synthetic load for a fixed time and writes CPU and
// heap profiles with runtime/pprof.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/linescope-demo/shop-go/catalog"
	"github.com/linescope-demo/shop-go/orders"
	"github.com/linescope-demo/shop-go/pricing"
)

func main() {
	duration := flag.Duration("duration", 10*time.Second, "how long to serve the synthetic load")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	heapProfile := flag.String("heapprofile", "", "write a heap profile to this file")
	flag.Parse()

	// Sample one allocation per 16 KiB instead of 512 KiB so that a short run records enough allocations.
	runtime.MemProfileRate = 16 * 1024

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}

	// The catalog lives as long as the service, so the heap profile shows it in use.
	shop := catalog.New(3000)
	served := serve(shop, *duration)

	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if *heapProfile != "" {
		writeHeapProfile(*heapProfile)
	}
	runtime.KeepAlive(shop)
	fmt.Printf("served %d requests in %s\n", served, *duration)
}

// serve handles requests until the deadline and returns how many it handled.
func serve(shop *catalog.Catalog, d time.Duration) int {
	queries := []string{"lamp", "oak", "steel", "blue chair", "linen", "desk"}
	deadline := time.Now().Add(d)
	served := 0
	for time.Now().Before(deadline) {
		query := queries[served%len(queries)]
		handleRequest(shop, query, served)
		served++
	}
	return served
}

// handleRequest is one request: search, price the best bundle of the hits, and sign the order.
func handleRequest(shop *catalog.Catalog, query string, n int) {
	hits := shop.Search(query, 24)
	bundle := pricing.BestBundle(hits, 1200_00)
	order := orders.Order{ID: n, Query: query, Items: bundle.Items, TotalCents: pricing.Total(bundle.Items)}
	orders.Digest(order)
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	runtime.GC() // up-to-date in-use statistics
	if err := pprof.WriteHeapProfile(f); err != nil {
		log.Fatal(err)
	}
}
