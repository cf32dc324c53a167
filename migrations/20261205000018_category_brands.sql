-- Each category's brands with their number of active products, for the
-- listing's brand filter, kept up to date by the database: grouping the
-- category's products per request grew with the catalogue. Only a change of
-- category, brand or `active` moves a count; checkout's stock updates never
-- fire the trigger.
CREATE TABLE category_brands (
    category_id     integer NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    brand           text NOT NULL,
    active_products integer NOT NULL CHECK (active_products >= 0),
    PRIMARY KEY (category_id, brand)
);

-- No product may change between the count and the trigger's creation.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO category_brands (category_id, brand, active_products)
SELECT category_id, brand, count(*) FROM products
WHERE active AND brand <> '' GROUP BY category_id, brand;

CREATE FUNCTION count_category_brands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An admin's save sets these columns whether or not they changed: only a
    -- real change moves a count (and takes the rows' locks).
    IF TG_OP = 'UPDATE' AND (OLD.category_id, OLD.brand, OLD.active)
                            IS NOT DISTINCT FROM (NEW.category_id, NEW.brand, NEW.active) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active AND OLD.brand <> '' THEN
        UPDATE category_brands SET active_products = active_products - 1
        WHERE category_id = OLD.category_id AND brand = OLD.brand;
        DELETE FROM category_brands
        WHERE category_id = OLD.category_id AND brand = OLD.brand AND active_products = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active AND NEW.brand <> '' THEN
        INSERT INTO category_brands (category_id, brand, active_products)
        VALUES (NEW.category_id, NEW.brand, 1)
        ON CONFLICT (category_id, brand)
        DO UPDATE SET active_products = category_brands.active_products + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER products_count_category_brands
    AFTER INSERT OR DELETE OR UPDATE OF category_id, brand, active ON products
    FOR EACH ROW EXECUTE FUNCTION count_category_brands();
