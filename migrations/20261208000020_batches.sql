-- Pharmacy stock: products kept in batches, each with its expiry, MRP and
-- cost; suppliers and their deliveries (goods receipts); which batches an
-- order took.
--
-- For a batch-tracked product `products.stock` is the *sellable* stock: the
-- units of batches that have not expired (Asia/Kolkata dates), kept by the
-- triggers below and refreshed by a job when a date passes; a batch's
-- `quantity` is what is physically on the shelf, expired or not, until it is
-- written off. The ledger (`stock_movements`) records every change of a
-- batch's quantity with the batch, so it sums to the batches' quantities.

ALTER TABLE products
    ADD COLUMN batch_tracked boolean NOT NULL DEFAULT false,
    -- The MRP of the batch an order would take next (first to expire):
    -- the storefront never sells above it. NULL when nothing is sellable.
    ADD COLUMN batch_mrp_paise bigint CHECK (batch_mrp_paise > 0);

ALTER TABLE settings
    ADD COLUMN near_expiry_days integer NOT NULL DEFAULT 90 CHECK (near_expiry_days BETWEEN 1 AND 730);

CREATE TABLE suppliers (
    id         serial PRIMARY KEY,
    name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
    gstin      text CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE goods_receipts (
    id             bigserial PRIMARY KEY,
    supplier_id    integer NOT NULL REFERENCES suppliers (id),
    invoice_number text NOT NULL CHECK (length(invoice_number) BETWEEN 1 AND 40),
    invoice_date   date NOT NULL,
    received_by    uuid REFERENCES users (id),
    received_at    timestamptz NOT NULL DEFAULT now(),
    -- The same supplier invoice cannot be received twice.
    UNIQUE (supplier_id, invoice_number)
);

CREATE TABLE product_batches (
    id          serial PRIMARY KEY,
    product_id  integer NOT NULL REFERENCES products (id),
    batch_no    text NOT NULL CHECK (batch_no ~ '^[A-Za-z0-9][A-Za-z0-9/.-]{0,29}$'),
    expires_on  date NOT NULL,
    mrp_paise   bigint NOT NULL CHECK (mrp_paise > 0),
    cost_paise  bigint NOT NULL CHECK (cost_paise >= 0),
    quantity    integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, batch_no)
);
-- First expiry first out.
CREATE INDEX product_batches_fefo ON product_batches (product_id, expires_on, id) WHERE quantity > 0;
CREATE INDEX product_batches_expiry ON product_batches (expires_on) WHERE quantity > 0;

CREATE TABLE goods_receipt_lines (
    receipt_id bigint NOT NULL REFERENCES goods_receipts (id),
    batch_id   integer NOT NULL REFERENCES product_batches (id),
    quantity   integer NOT NULL CHECK (quantity > 0),
    cost_paise bigint NOT NULL CHECK (cost_paise >= 0),
    PRIMARY KEY (receipt_id, batch_id)
);

CREATE TABLE order_item_batches (
    order_id   bigint NOT NULL,
    product_id integer NOT NULL,
    batch_id   integer NOT NULL REFERENCES product_batches (id),
    quantity   integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id, batch_id),
    FOREIGN KEY (order_id, product_id) REFERENCES order_items (order_id, product_id) ON DELETE CASCADE
);

ALTER TABLE stock_movements
    ADD COLUMN batch_id integer REFERENCES product_batches (id),
    DROP CONSTRAINT stock_movements_reason_check,
    ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN (
        'opening', 'order', 'cancelled', 'expired', 'received', 'damaged', 'correction',
        'returned', 'expiry_write_off', 'supplier_return'));
CREATE INDEX stock_movements_batch ON stock_movements (batch_id, id) WHERE batch_id IS NOT NULL;

-- Today's date where the shop is: a batch is sellable until the day before
-- the date printed as its expiry.
CREATE FUNCTION kolkata_today() RETURNS date LANGUAGE sql STABLE AS $$
    SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date
$$;

-- Sets a batch-tracked product's sellable stock and next MRP from its
-- batches as of `today` (a parameter so that the expiry job and its tests
-- can say which day it is). True when something changed.
CREATE FUNCTION refresh_batch_stock(pid integer, today date) RETURNS boolean LANGUAGE sql AS $$
    UPDATE products p
    SET stock = s.sellable, batch_mrp_paise = s.next_mrp, updated_at = now()
    FROM (
        SELECT coalesce(sum(b.quantity) FILTER (WHERE b.expires_on > today), 0)::integer AS sellable,
               (SELECT n.mrp_paise FROM product_batches n
                WHERE n.product_id = pid AND n.quantity > 0 AND n.expires_on > today
                ORDER BY n.expires_on, n.id LIMIT 1) AS next_mrp
        FROM product_batches b WHERE b.product_id = pid
    ) s
    WHERE p.id = pid AND p.batch_tracked
      AND (p.stock, p.batch_mrp_paise) IS DISTINCT FROM (s.sellable, s.next_mrp)
    RETURNING true
$$;

CREATE FUNCTION product_batches_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_quantity integer := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.quantity END;
BEGIN
    IF NEW.quantity <> old_quantity THEN
        INSERT INTO stock_movements (product_id, batch_id, delta, stock_after, reason, order_id, actor_id, note)
        VALUES (
            NEW.product_id, NEW.id, NEW.quantity - old_quantity, NEW.quantity,
            coalesce(nullif(current_setting('haat.stock_reason', true), ''), 'correction'),
            nullif(current_setting('haat.stock_order', true), '')::bigint,
            nullif(current_setting('haat.actor', true), '')::uuid,
            coalesce(current_setting('haat.stock_note', true), ''));
    END IF;
    PERFORM refresh_batch_stock(NEW.product_id, kolkata_today());
    -- Staff screens re-read their expiry counts on stock events; a batch can
    -- change without the sellable stock changing (an expired one written off).
    PERFORM pg_notify('stock', json_build_object('id', p.id, 'stock', p.stock)::text)
    FROM products p WHERE p.id = NEW.product_id;
    RETURN NEW;
END $$;
CREATE TRIGGER product_batches_record AFTER INSERT OR UPDATE OF quantity, expires_on, mrp_paise
    ON product_batches FOR EACH ROW EXECUTE FUNCTION product_batches_record();
CREATE TRIGGER product_batches_no_delete BEFORE DELETE ON product_batches
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The product-level ledger entry is written only for products without
-- batches: a batch-tracked product's movements are its batches' (above),
-- and its stock also changes when a batch expires, which moves nothing.
CREATE OR REPLACE FUNCTION products_record_stock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_stock integer := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.stock END;
    threshold integer;
BEGIN
    IF NEW.stock = old_stock THEN
        RETURN NEW;
    END IF;
    IF NOT NEW.batch_tracked THEN
        INSERT INTO stock_movements (product_id, delta, stock_after, reason, order_id, actor_id, note)
        VALUES (
            NEW.id, NEW.stock - old_stock, NEW.stock,
            CASE WHEN TG_OP = 'INSERT' THEN 'opening'
                 ELSE coalesce(nullif(current_setting('haat.stock_reason', true), ''), 'correction') END,
            nullif(current_setting('haat.stock_order', true), '')::bigint,
            nullif(current_setting('haat.actor', true), '')::uuid,
            coalesce(current_setting('haat.stock_note', true), ''));
    END IF;
    threshold := coalesce(NEW.low_stock_threshold, (SELECT low_stock_threshold FROM settings), 5);
    IF TG_OP = 'UPDATE' AND old_stock > threshold AND NEW.stock <= threshold THEN
        INSERT INTO low_stock_events (product_id, stock) VALUES (NEW.id, NEW.stock);
    END IF;
    RETURN NEW;
END $$;
