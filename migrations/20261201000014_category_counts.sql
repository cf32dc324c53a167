-- Each category's number of active products, kept up to date by the
-- database: the home page lists every category with its count, and counting
-- them per request grew with the catalogue (100,000 products: most of the
-- home page's time). Only a change of category or of `active` fires the
-- trigger, so checkout's stock updates never touch a category row.
ALTER TABLE categories ADD COLUMN active_products integer NOT NULL DEFAULT 0
    CHECK (active_products >= 0);

UPDATE categories c
SET active_products = (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.active);

CREATE FUNCTION count_active_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN
        UPDATE categories SET active_products = active_products - 1 WHERE id = OLD.category_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
        UPDATE categories SET active_products = active_products + 1 WHERE id = NEW.category_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER products_count_active
    AFTER INSERT OR DELETE OR UPDATE OF category_id, active ON products
    FOR EACH ROW EXECUTE FUNCTION count_active_products();
