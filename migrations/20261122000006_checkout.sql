-- Checkout: who ordered, how they pay and collect, the amount the server
-- computed, the UPI transaction reference they reported, and a timeline.

ALTER TABLE orders
    ADD COLUMN payment_method text NOT NULL DEFAULT 'cod' CHECK (payment_method IN ('upi', 'cod')),
    ADD COLUMN fulfilment     text NOT NULL DEFAULT 'pickup' CHECK (fulfilment IN ('pickup', 'delivery')),
    ADD COLUMN customer_name  text NOT NULL DEFAULT '',
    ADD COLUMN email          text NOT NULL DEFAULT '',
    ADD COLUMN mobile         text NOT NULL DEFAULT '',
    ADD COLUMN address        text,
    ADD COLUMN city           text,
    ADD COLUMN state          text,
    ADD COLUMN pin            text CHECK (pin ~ '^[1-9][0-9]{5}$'),
    ADD COLUMN total_paise    bigint NOT NULL DEFAULT 0 CHECK (total_paise >= 0),
    ADD COLUMN utr            text CHECK (utr ~ '^[0-9]{12}$'),
    ADD COLUMN expires_at     timestamptz,
    ADD CONSTRAINT orders_status CHECK (status IN (
        'placed', 'awaiting_payment', 'payment_submitted', 'to_pay_at_pickup', 'paid',
        'packed', 'ready_for_pickup', 'shipped', 'delivered', 'cancelled', 'expired'));
CREATE INDEX orders_user ON orders (user_id, placed_at DESC);
CREATE INDEX orders_expiring ON orders (expires_at) WHERE status = 'awaiting_payment';

CREATE TABLE order_events (
    id       bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status   text NOT NULL,
    note     text NOT NULL DEFAULT '',
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order ON order_events (order_id, at);
