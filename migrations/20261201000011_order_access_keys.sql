-- A link that opens an order from any device: the emailed order link carries
-- a random key; only its SHA-256 is stored. Orders placed before this have
-- none and stay visible to their account or guest session only.
ALTER TABLE orders ADD COLUMN access_key_hash bytea;
