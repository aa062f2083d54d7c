package com.linescope.shop;

/** One item for sale. */
public record Product(String sku, String name, String category, int priceCents, int stock) {}
