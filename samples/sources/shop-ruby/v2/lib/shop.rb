# frozen_string_literal: true

require 'webrick/httputils'
require_relative 'shop/catalog'
require_relative 'shop/orders'
require_relative 'shop/pricing'

# A small shop back end: catalog search, bundle pricing and order digests.
module Shop
  # Requests arrive as form-encoded query strings.
  QUERIES = ['q=lamp', 'q=oak', 'q=steel', 'q=blue+chair', 'q=linen', 'q=desk&limit=12'].freeze

  module_function

  # One request: parse its query string (WEBrick's form decoding), search, price the best bundle of the hits, and
  # sign the order.
  def handle_request(catalog, query_string, n)
    params = WEBrick::HTTPUtils.parse_query(query_string)
    query = params.fetch('q').to_s
    hits = catalog.search(query, Integer(params.fetch('limit', '24')))
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
