-- Each product's units ordered, kept up to date by the database: the home
-- page's bestsellers, the "popularity" and "relevance" orders of a category
-- and "customers also bought" all rank by it, and summing every order line
-- per request grew with the shop's history. Checkout already updates the
-- product row it sells from (stock), in the same transaction, so this adds no
-- lock that checkout did not take.
ALTER TABLE products ADD COLUMN units_sold bigint NOT NULL DEFAULT 0
    CHECK (units_sold >= 0);

UPDATE products p
SET units_sold = s.sold
FROM (SELECT product_id, sum(quantity) AS sold FROM order_items GROUP BY product_id) s
WHERE s.product_id = p.id;

CREATE FUNCTION count_units_sold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE products SET units_sold = units_sold - OLD.quantity WHERE id = OLD.product_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE products SET units_sold = units_sold + NEW.quantity WHERE id = NEW.product_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER order_items_count_units_sold
    AFTER INSERT OR DELETE OR UPDATE OF product_id, quantity ON order_items
    FOR EACH ROW EXECUTE FUNCTION count_units_sold();

-- The bestsellers, in the order the home page shows them: only products
-- that sold are in it, so it stays small whatever the catalogue's size.
CREATE INDEX products_bestsellers ON products ((stock = 0), units_sold DESC, id)
    WHERE active AND units_sold > 0;

-- A category's "relevance" and "popularity" orders, so that a listing reads
-- its page in order and stops there instead of sorting the whole category.
CREATE INDEX products_category_relevance
    ON products (category_id, (stock = 0), featured DESC, units_sold DESC, id) WHERE active;
CREATE INDEX products_category_popularity
    ON products (category_id, units_sold DESC, id) WHERE active;
