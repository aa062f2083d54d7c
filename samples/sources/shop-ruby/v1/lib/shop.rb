# frozen_string_literal: true

require_relative 'shop/catalog'
require_relative 'shop/orders'
require_relative 'shop/pricing'

# A small shop back end: catalog search, bundle pricing and order digests.
module Shop
  QUERIES = ['lamp', 'oak', 'steel', 'blue chair', 'linen', 'desk'].freeze

  module_function

  # One request: search, price the best bundle of the hits, and sign the order.
  def handle_request(catalog, query, n)
    hits = catalog.search(query, 24)
    bundle = Pricing.best_bundle(hits, 600_00)
    Orders.digest(Order.new(order_id: n, query: query, items: bundle, total_cents: Pricing.total(bundle)))
  end

  # Serves `requests` requests, or as many as fit in `seconds`.
  def serve(seconds: nil, requests: nil)
    catalog = Catalog.generate(2000)
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + seconds if seconds
    served = 0
    while requests ? served < requests : Process.clock_gettime(Process::CLOCK_MONOTONIC) < deadline
      handle_request(catalog, QUERIES[served % QUERIES.size], served)
      served += 1
    end
    served
  end
end
