# frozen_string_literal: true

module Shop
  # Order totals and bundles of products within a budget.
  module Pricing
    module_function

    # The products whose total price is as close to the budget as possible without going over.
    def best_bundle(products, budget_cents)
      candidates = products.first(12)
      chosen = Array.new(candidates.size, false)
      best = { total: -1, chosen: chosen.dup }
      best_subset(candidates, 0, budget_cents, 0, chosen, best)
      candidates.select.with_index { |_, i| best[:chosen][i] }
    end

    # Explores taking or skipping each product from index i on, keeping the best total in `best`.
    def best_subset(products, i, budget, running, chosen, best)
      return if running > budget

      if i == products.size
        if running > best[:total]
          best[:total] = running
          best[:chosen] = chosen.dup
        end
        return
      end
      chosen[i] = true
      best_subset(products, i + 1, budget, running + products[i].price_cents, chosen, best)
      chosen[i] = false
      best_subset(products, i + 1, budget, running, chosen, best)
    end

    # Order total in cents with 20% VAT.
    def total(items)
      items.sum { |item| with_tax(item.price_cents) }
    end

    def with_tax(cents)
      ((cents * 120) + 50) / 100
    end
  end
end
