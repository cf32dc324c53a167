-- Typo search takes its candidates nearest first from these (trigram
-- distance, GiST), a bounded number, instead of ranking every product that
-- shares a few trigrams with the query (src/db/search.rs).
CREATE INDEX products_name_trgm_nearest ON products USING gist (lower(name) gist_trgm_ops)
    WHERE active;
CREATE INDEX products_brand_trgm_nearest ON products USING gist (lower(brand) gist_trgm_ops)
    WHERE active;

-- The GIN trigram indexes served the search that ranked every product sharing
-- a trigram with the query; nothing reads them now, and each stock change
-- had to write them.
DROP INDEX products_name_trgm;
DROP INDEX products_brand_trgm;
