-- The admin area: shop settings, the stock ledger, low-stock alerts, uploaded
-- images, content pages with revisions, menus, and an append-only audit log.

-- One row: the business as its customers see it. Startup fills it from the
-- environment the first time; the admin edits it after that.
CREATE TABLE settings (
    id                    boolean PRIMARY KEY DEFAULT true CHECK (id),
    business_name         text NOT NULL CHECK (length(business_name) BETWEEN 1 AND 100),
    logo_key              uuid,
    address               text NOT NULL DEFAULT '',
    state                 text NOT NULL DEFAULT '',
    gstin                 text CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    upi_id                text NOT NULL,
    upi_payee_name        text NOT NULL,
    contact_phone         text NOT NULL DEFAULT '',
    contact_email         text NOT NULL DEFAULT '',
    upi_expiry_minutes    integer NOT NULL CHECK (upi_expiry_minutes BETWEEN 5 AND 10080),
    low_stock_threshold   integer NOT NULL DEFAULT 5 CHECK (low_stock_threshold >= 0),
    hero_title            text NOT NULL DEFAULT 'Everyday essentials, delivered from your neighbourhood store',
    hero_text             text NOT NULL DEFAULT 'Staples, snacks, personal care and more at honest prices. Pay by UPI or cash at pickup.',
    updated_at            timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE products
    ADD COLUMN low_stock_threshold integer CHECK (low_stock_threshold >= 0);

-- Refuses changes to a table's rows: for logs that must only grow.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

-- Every change of a product's stock, written by a trigger on products so that
-- none can be missed: the stock on hand is always the sum of this ledger.
-- The reason, order and person come from transaction settings
-- (`haat.stock_reason`, `haat.stock_order`, `haat.actor`); a change made
-- without them (say, by hand in psql) is recorded as a correction.
CREATE TABLE stock_movements (
    id          bigserial PRIMARY KEY,
    product_id  integer NOT NULL REFERENCES products (id),
    delta       integer NOT NULL CHECK (delta <> 0),
    stock_after integer NOT NULL CHECK (stock_after >= 0),
    reason      text NOT NULL CHECK (reason IN ('opening', 'order', 'cancelled', 'expired',
                                                'received', 'damaged', 'correction', 'returned')),
    order_id    bigint REFERENCES orders (id),
    actor_id    uuid REFERENCES users (id),
    note        text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product ON stock_movements (product_id, id);
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Products that fell to their low-stock threshold, waiting to be emailed to admins.
CREATE TABLE low_stock_events (
    id         bigserial PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    stock      integer NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
CREATE INDEX low_stock_events_unsent ON low_stock_events (id) WHERE sent_at IS NULL;

CREATE FUNCTION products_record_stock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_stock integer := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.stock END;
    threshold integer;
BEGIN
    IF NEW.stock = old_stock THEN
        RETURN NEW;
    END IF;
    INSERT INTO stock_movements (product_id, delta, stock_after, reason, order_id, actor_id, note)
    VALUES (
        NEW.id, NEW.stock - old_stock, NEW.stock,
        CASE WHEN TG_OP = 'INSERT' THEN 'opening'
             ELSE coalesce(nullif(current_setting('haat.stock_reason', true), ''), 'correction') END,
        nullif(current_setting('haat.stock_order', true), '')::bigint,
        nullif(current_setting('haat.actor', true), '')::uuid,
        coalesce(current_setting('haat.stock_note', true), ''));
    threshold := coalesce(NEW.low_stock_threshold, (SELECT low_stock_threshold FROM settings), 5);
    IF TG_OP = 'UPDATE' AND old_stock > threshold AND NEW.stock <= threshold THEN
        INSERT INTO low_stock_events (product_id, stock) VALUES (NEW.id, NEW.stock);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER products_record_stock AFTER INSERT OR UPDATE OF stock ON products
    FOR EACH ROW EXECUTE FUNCTION products_record_stock();

-- The stock already on hand becomes the ledger's opening entries.
INSERT INTO stock_movements (product_id, delta, stock_after, reason)
SELECT id, stock, stock, 'opening' FROM products WHERE stock > 0;

-- Uploaded images, each stored at the widths the storefront shows (JPEG).
CREATE TABLE images (
    key        uuid NOT NULL,
    width      integer NOT NULL CHECK (width > 0),
    bytes      bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key, width)
);

-- Content pages: the live version here, every saved version in revisions.
CREATE TABLE pages (
    id              serial PRIMARY KEY,
    slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body            text NOT NULL DEFAULT '',
    seo_title       text NOT NULL DEFAULT '',
    seo_description text NOT NULL DEFAULT '',
    published       boolean NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE page_revisions (
    id              bigserial PRIMARY KEY,
    page_id         integer NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    title           text NOT NULL,
    body            text NOT NULL,
    seo_title       text NOT NULL,
    seo_description text NOT NULL,
    author_id       uuid REFERENCES users (id),
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_revisions_page ON page_revisions (page_id, id DESC);

-- Links in the header and footer, in order.
CREATE TABLE menu_links (
    id       serial PRIMARY KEY,
    menu     text NOT NULL CHECK (menu IN ('header', 'footer')),
    label    text NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
    href     text NOT NULL CHECK (href ~ '^(/|https://)'),
    position integer NOT NULL DEFAULT 0
);
CREATE INDEX menu_links_menu ON menu_links (menu, position);

-- Who changed what in the admin, with the values before and after.
CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    actor_id  uuid REFERENCES users (id),
    actor     text NOT NULL,
    action    text NOT NULL,
    entity    text NOT NULL,
    entity_id text NOT NULL DEFAULT '',
    before    jsonb,
    after     jsonb,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
