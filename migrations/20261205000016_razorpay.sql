-- Online payment through Razorpay, and a checkout that cannot hoard stock.

ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check;
ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check
    CHECK (payment_method IN ('upi', 'cod', 'razorpay'));

-- The Razorpay order made for ours, the payment that settled it, and the
-- hosted payment page offered without JavaScript.
ALTER TABLE orders
    ADD COLUMN razorpay_order_id   text UNIQUE,
    ADD COLUMN razorpay_payment_id text UNIQUE,
    ADD COLUMN payment_link_id     text UNIQUE,
    ADD COLUMN payment_link_url    text,
    ADD COLUMN paid_at             timestamptz;

-- A UTR names one bank transfer: it can settle one live order.
CREATE UNIQUE INDEX orders_utr_once ON orders (utr)
    WHERE utr IS NOT NULL AND status NOT IN ('expired', 'cancelled');

-- Unpaid orders of every kind now expire (UPI and online orders awaiting
-- payment, UPI orders whose UTR is never confirmed, cash orders never collected).
DROP INDEX orders_expiring;
CREATE INDEX orders_expiring ON orders (expires_at)
    WHERE status IN ('awaiting_payment', 'payment_submitted', 'to_pay_at_pickup');
-- Counting a customer's unpaid orders at checkout.
-- Orders already waiting for staff to confirm their UTR kept the deadline of
-- an unpaid order; they get the new, longer one from now.
UPDATE orders SET expires_at = now() + interval '48 hours' WHERE status = 'payment_submitted';
-- Online orders are looked up at Razorpay oldest-checked first.
ALTER TABLE orders ADD COLUMN reconciled_at timestamptz;
CREATE INDEX orders_unpaid_by_email ON orders (lower(email))
    WHERE status IN ('awaiting_payment', 'payment_submitted', 'to_pay_at_pickup');

ALTER TABLE settings
    ADD COLUMN razorpay_enabled        boolean NOT NULL DEFAULT false,
    ADD COLUMN razorpay_key_id         text NOT NULL DEFAULT '',
    -- Never sent to a browser or written to a log (see db::razorpay_settings).
    ADD COLUMN razorpay_key_secret     text NOT NULL DEFAULT '',
    ADD COLUMN razorpay_webhook_secret text NOT NULL DEFAULT '',
    ADD COLUMN max_unpaid_orders       integer NOT NULL DEFAULT 3 CHECK (max_unpaid_orders BETWEEN 1 AND 100),
    ADD COLUMN pickup_expiry_hours     integer NOT NULL DEFAULT 72 CHECK (pickup_expiry_hours BETWEEN 1 AND 720),
    ADD COLUMN utr_expiry_hours        integer NOT NULL DEFAULT 48 CHECK (utr_expiry_hours BETWEEN 1 AND 720);

-- Webhook deliveries, kept once per event id and handled by a background
-- worker: the request only stores them, so Razorpay gets its 2xx at once.
CREATE TABLE razorpay_events (
    event_id    text PRIMARY KEY,
    event       text NOT NULL,
    payload     jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    handled_at  timestamptz,
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX razorpay_events_unhandled ON razorpay_events (received_at) WHERE handled_at IS NULL;

-- Payments staff must look at: for an unknown order, for another amount
-- than the order's, or arriving after the order expired.
CREATE TABLE payment_flags (
    id                  bigserial PRIMARY KEY,
    order_id            bigint REFERENCES orders (id),
    razorpay_payment_id text NOT NULL,
    razorpay_order_id   text,
    amount_paise        bigint NOT NULL,
    reason              text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (razorpay_payment_id, reason)
);

CREATE TABLE refunds (
    id                 bigserial PRIMARY KEY,
    order_id           bigint NOT NULL REFERENCES orders (id),
    razorpay_refund_id text UNIQUE,
    amount_paise       bigint NOT NULL CHECK (amount_paise > 0),
    reason             text NOT NULL,
    status             text NOT NULL DEFAULT 'requested'
                       CHECK (status IN ('requested', 'pending', 'processed', 'failed')),
    requested_by       uuid REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order ON refunds (order_id);

-- Wakes the webhook worker on every instance when an event is stored.
CREATE FUNCTION notify_razorpay_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('razorpay_event', NEW.event_id);
    RETURN NEW;
END $$;
CREATE TRIGGER razorpay_event_stored AFTER INSERT ON razorpay_events
    FOR EACH ROW EXECUTE FUNCTION notify_razorpay_event();
