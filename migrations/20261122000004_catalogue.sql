-- The catalogue: categories, products with prices in paise, images, and the
-- old slugs a product answered at (for permanent redirects).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
    id          serial PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id          serial PRIMARY KEY,
    sku         text NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 40),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    brand       text NOT NULL DEFAULT '',
    category_id integer NOT NULL REFERENCES categories (id),
    unit        text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    -- Consumer prices include GST; both in paise.
    price_paise bigint NOT NULL CHECK (price_paise > 0),
    mrp_paise   bigint NOT NULL CHECK (mrp_paise >= price_paise),
    gst_rate    smallint NOT NULL CHECK (gst_rate IN (0, 5, 12, 18, 28)),
    hsn         text NOT NULL CHECK (hsn ~ '^[0-9]{4,8}$'),
    stock       integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    active      boolean NOT NULL DEFAULT true,
    featured    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- Name weighs most, then brand and category, then the description; kept by a trigger.
    search      tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX products_search ON products USING gin (search);
CREATE INDEX products_name_trgm ON products USING gin (lower(name) gin_trgm_ops);
CREATE INDEX products_brand_trgm ON products USING gin (lower(brand) gin_trgm_ops);
CREATE INDEX products_category_price ON products (category_id, price_paise) WHERE active;
CREATE INDEX products_category_created ON products (category_id, created_at DESC) WHERE active;
CREATE INDEX products_category_brand ON products (category_id, brand) WHERE active;
CREATE INDEX products_featured ON products (featured) WHERE active AND featured;

CREATE FUNCTION products_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.brand, '')), 'B') ||
        setweight(to_tsvector('english',
            coalesce((SELECT name FROM categories WHERE id = NEW.category_id), '')), 'B') ||
        setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END $$;
CREATE TRIGGER products_search_document BEFORE INSERT OR UPDATE OF name, brand, category_id, description
    ON products FOR EACH ROW EXECUTE FUNCTION products_search_document();

CREATE TABLE product_images (
    id         serial PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    path       text NOT NULL,
    alt        text NOT NULL CHECK (length(alt) BETWEEN 1 AND 200),
    position   integer NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product ON product_images (product_id, position);

-- A renamed product keeps answering at its old address with a 301.
CREATE TABLE product_slug_history (
    slug       text PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    retired_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION products_remember_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.slug <> OLD.slug THEN
        INSERT INTO product_slug_history (slug, product_id) VALUES (OLD.slug, OLD.id)
        ON CONFLICT (slug) DO UPDATE SET product_id = EXCLUDED.product_id, retired_at = now();
        DELETE FROM product_slug_history WHERE slug = NEW.slug;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER products_remember_slug AFTER UPDATE OF slug ON products
    FOR EACH ROW EXECUTE FUNCTION products_remember_slug();

-- Orders, as far as the catalogue needs them (bestsellers, "customers also
-- bought"); checkout extends them.
CREATE TABLE orders (
    id         bigserial PRIMARY KEY,
    reference  text NOT NULL UNIQUE,
    user_id    uuid REFERENCES users (id),
    status     text NOT NULL DEFAULT 'placed',
    placed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE order_items (
    order_id         bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       integer NOT NULL REFERENCES products (id),
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_paise bigint NOT NULL CHECK (unit_price_paise > 0),
    gst_rate         smallint NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX order_items_product ON order_items (product_id);
