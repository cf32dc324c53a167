-- The words of the catalogue's names and brands, once each, for correcting
-- what a shopper typed: a misspelt word is matched against this short list
-- (trigram distance, GiST, nearest first) instead of against every product's
-- name, so a typo search costs the same with 100 or 100,000 products. The
-- corrected words then find products through the full-text index.
--
-- A word no product uses any more stays: it only ever adds a spelling that
-- matches nothing, and counting uses would lock a row on every save.
CREATE TABLE search_words (
    word text PRIMARY KEY
);
CREATE INDEX search_words_trgm ON search_words USING gist (word gist_trgm_ops);

CREATE FUNCTION remember_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An admin's save sets these columns whether or not they changed.
    IF TG_OP = 'UPDATE' AND (OLD.name, OLD.brand) IS NOT DISTINCT FROM (NEW.name, NEW.brand) THEN
        RETURN NULL;
    END IF;
    -- The same words, spelt as the full-text document's 'simple' part keeps them.
    INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(to_tsvector('simple', NEW.name || ' ' || NEW.brand))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER products_remember_search_words
    AFTER INSERT OR UPDATE OF name, brand ON products
    FOR EACH ROW EXECUTE FUNCTION remember_search_words();

INSERT INTO search_words (word)
SELECT DISTINCT lexeme FROM products, unnest(to_tsvector('simple', name || ' ' || brand))
ON CONFLICT DO NOTHING;

-- A query's words, each with its spellings, are combined into one tsquery.
CREATE AGGREGATE any_of (tsquery) (SFUNC = tsquery_or, STYPE = tsquery);
CREATE AGGREGATE all_of (tsquery) (SFUNC = tsquery_and, STYPE = tsquery);

-- Search no longer compares the query with every name and brand.
DROP INDEX products_name_trgm;
DROP INDEX products_brand_trgm;
