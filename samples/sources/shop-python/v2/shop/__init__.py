"""A small shop back end: catalog search, bundle pricing and order digests."""
