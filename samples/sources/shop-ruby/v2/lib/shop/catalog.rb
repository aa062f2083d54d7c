# frozen_string_literal: true

require 'set'

module Shop
  Product = Struct.new(:sku, :name, :category, :price_cents, :stock, keyword_init: true)

  # The shop's products and how they are searched.
  class Catalog
    ADJECTIVES = %w[Oak Steel Blue Linen Walnut Brass Velvet Glass].freeze
    NOUNS = %w[Lamp Chair Desk Shelf Rug Table Stool Mirror].freeze
    CATEGORIES = %w[lighting seating tables storage decor].freeze
    # Categories the storefront shows; the others are wholesale only.
    STOREFRONT = Set.new(%w[lighting seating tables decor]).freeze

    attr_reader :products

    def initialize(products)
      @products = products
    end

    # A catalog of n products with predictable names and prices.
    def self.generate(n)
      products = Array.new(n) do |i|
        Product.new(
          sku: format('SKU-%05d', i),
          name: "#{ADJECTIVES[i % ADJECTIVES.size]} #{NOUNS[(i / ADJECTIVES.size) % NOUNS.size]} Model #{i}",
          category: CATEGORIES[i % CATEGORIES.size],
          price_cents: 500 + ((i * 7919) % 25_000),
          stock: i % 13
        )
      end
      new(products)
    end

    # Products on the storefront whose name contains every word of the query, best matches first.
    def search(query, limit)
      words = query.downcase.split
      hits = []
      @products.each do |product|
        next unless STOREFRONT.include?(product.category)

        name = product.name.downcase
        score = 0
        words.each do |word|
          position = name.index(word)
          if position.nil?
            score = -1
            break
          end
          score += match_score(position, product.stock)
        end
        hits << [score, product] if score.positive?
      end
      hits.sort_by { |score, product| [-score, product.sku] }.first(limit).map(&:last)
    end

    private

    # Favours words found early in the name and products in stock.
    def match_score(position, stock)
      score = 100 - position
      score += 10 if stock.positive?
      score
    end
  end
end
