# frozen_string_literal: true

require 'digest'
require 'json'

module Shop
  Order = Struct.new(:order_id, :query, :items, :total_cents, keyword_init: true)

  # Signing orders so that the shop can check them later.
  module Orders
    module_function

    # Hex SHA-256 of the order's JSON, hashed a few rounds like a key-stretching signature.
    def digest(order)
      body = JSON.pretty_generate(order.to_h.merge(items: order.items.map(&:to_h)))
      summed = Digest::SHA256.digest(body)
      32.times { summed = Digest::SHA256.digest(summed + body[0, body.size / 4]) }
      summed.unpack1('H*')
    end
  end
end
