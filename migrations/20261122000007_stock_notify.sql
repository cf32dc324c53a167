-- Every change of a product's stock is announced on the `stock` channel, so
-- that every server instance can tell its open pages at once.
CREATE FUNCTION products_stock_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.stock IS DISTINCT FROM OLD.stock THEN
        PERFORM pg_notify('stock', json_build_object('id', NEW.id, 'stock', NEW.stock)::text);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER products_stock_notify AFTER UPDATE OF stock ON products
    FOR EACH ROW EXECUTE FUNCTION products_stock_notify();
