package com.linescope.shop;

import java.util.List;

/** A confirmed purchase. */
public record Order(long id, String query, List<Product> items, int totalCents) {}
