-- "Tell me when it is back": one open request per product and email; once
-- the email is queued the request is marked, so each subscriber gets one.
CREATE TABLE stock_alerts (
    id          bigserial PRIMARY KEY,
    product_id  integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    email       text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    notified_at timestamptz
);
CREATE UNIQUE INDEX stock_alerts_open ON stock_alerts (product_id, email) WHERE notified_at IS NULL;
