-- GST tax invoices (CGST Rules, rule 46): every order that is paid, or
-- collected and paid at pickup, gets one, issued by a trigger on the
-- order's status so that no path can miss it. Numbers run per financial
-- year (April to March, India time) without gaps: the series row is locked
-- until the issuing transaction ends, and a rolled-back invoice gives its
-- number back. Invoices and their lines are never changed once issued.

-- A business buying for its work gives its GSTIN at checkout (checked by
-- the application, checksum included): its invoice carries it (B2B).
ALTER TABLE orders
    ADD COLUMN gstin text CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$');

CREATE TABLE gst_states (
    code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    name text NOT NULL UNIQUE
);
INSERT INTO gst_states (code, name) VALUES
    ('35', 'Andaman and Nicobar Islands'),
    ('37', 'Andhra Pradesh'),
    ('12', 'Arunachal Pradesh'),
    ('18', 'Assam'),
    ('10', 'Bihar'),
    ('04', 'Chandigarh'),
    ('22', 'Chhattisgarh'),
    ('26', 'Dadra and Nagar Haveli and Daman and Diu'),
    ('07', 'Delhi'),
    ('30', 'Goa'),
    ('24', 'Gujarat'),
    ('06', 'Haryana'),
    ('02', 'Himachal Pradesh'),
    ('01', 'Jammu and Kashmir'),
    ('20', 'Jharkhand'),
    ('29', 'Karnataka'),
    ('32', 'Kerala'),
    ('38', 'Ladakh'),
    ('31', 'Lakshadweep'),
    ('23', 'Madhya Pradesh'),
    ('27', 'Maharashtra'),
    ('14', 'Manipur'),
    ('17', 'Meghalaya'),
    ('15', 'Mizoram'),
    ('13', 'Nagaland'),
    ('21', 'Odisha'),
    ('34', 'Puducherry'),
    ('03', 'Punjab'),
    ('08', 'Rajasthan'),
    ('11', 'Sikkim'),
    ('33', 'Tamil Nadu'),
    ('36', 'Telangana'),
    ('16', 'Tripura'),
    ('09', 'Uttar Pradesh'),
    ('05', 'Uttarakhand'),
    ('19', 'West Bengal');

CREATE TABLE invoice_series (
    financial_year text PRIMARY KEY CHECK (financial_year ~ '^[0-9]{2}-[0-9]{2}$'),
    last_number    integer NOT NULL CHECK (last_number > 0)
);

CREATE TABLE invoices (
    id                  bigserial PRIMARY KEY,
    order_id            bigint NOT NULL UNIQUE REFERENCES orders (id),
    -- e.g. INV/26-27/000123: at most 16 characters, as rule 46 allows.
    number              text NOT NULL UNIQUE CHECK (length(number) <= 16),
    financial_year      text NOT NULL,
    sequence            integer NOT NULL,
    issued_on           date NOT NULL,
    supplier_name       text NOT NULL,
    supplier_address    text NOT NULL,
    supplier_gstin      text,
    supplier_state      text NOT NULL,
    supplier_state_code text,
    recipient_name      text NOT NULL,
    recipient_address   text NOT NULL,
    recipient_gstin     text,
    place_of_supply     text NOT NULL,
    place_of_supply_code text,
    inter_state         boolean NOT NULL,
    taxable_paise       bigint NOT NULL,
    cgst_paise          bigint NOT NULL,
    sgst_paise          bigint NOT NULL,
    igst_paise          bigint NOT NULL,
    total_paise         bigint NOT NULL,
    round_off_paise     bigint NOT NULL,
    payable_paise       bigint NOT NULL CHECK (payable_paise % 100 = 0),
    UNIQUE (financial_year, sequence)
);

CREATE TABLE invoice_lines (
    invoice_id       bigint NOT NULL REFERENCES invoices (id),
    line_no          integer NOT NULL,
    description      text NOT NULL,
    hsn              text NOT NULL,
    quantity         integer NOT NULL,
    unit             text NOT NULL,
    rate             smallint NOT NULL,
    unit_price_paise bigint NOT NULL,
    taxable_paise    bigint NOT NULL,
    cgst_paise       bigint NOT NULL,
    sgst_paise       bigint NOT NULL,
    igst_paise       bigint NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TRIGGER invoices_append_only BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER invoice_lines_append_only BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- '26-27' for any day from 1 April 2026 to 31 March 2027.
CREATE FUNCTION financial_year(day date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(start_year, 'FM00') || '-' || to_char((start_year + 1) % 100, 'FM00')
    FROM (SELECT (extract(year FROM day)::integer - CASE WHEN extract(month FROM day) < 4 THEN 1 ELSE 0 END) % 100
          AS start_year) y
$$;

-- A line's tax, worked backwards from its GST-inclusive amount: the taxable
-- value rounded to the paisa, the rest tax, split evenly between CGST and
-- SGST within the State (SGST takes an odd paisa) or all IGST across States.
CREATE FUNCTION invoice_line_tax(gross bigint, rate integer, inter boolean,
    OUT taxable bigint, OUT cgst bigint, OUT sgst bigint, OUT igst bigint)
LANGUAGE sql IMMUTABLE AS $$
    SELECT t.taxable,
           CASE WHEN inter THEN 0 ELSE (gross - t.taxable) / 2 END,
           CASE WHEN inter THEN 0 ELSE (gross - t.taxable) - (gross - t.taxable) / 2 END,
           CASE WHEN inter THEN gross - t.taxable ELSE 0 END
    FROM (SELECT round(gross * 100.0 / (100 + rate))::bigint AS taxable) t
$$;

-- Issues the order's invoice dated `on_day` (once: NULL when it has one).
CREATE FUNCTION issue_invoice(order_to_invoice bigint, on_day date) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    o orders%ROWTYPE;
    shop settings%ROWTYPE;
    fy text := financial_year(on_day);
    seq integer;
    shop_code text;
    supply_state text;
    supply_code text;
    inter boolean;
    totals record;
    invoice_id bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM invoices WHERE order_id = order_to_invoice) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO o FROM orders WHERE id = order_to_invoice;
    SELECT * INTO shop FROM settings;
    shop_code := coalesce(left(shop.gstin, 2), (SELECT code FROM gst_states WHERE name = shop.state));
    -- Goods handed over at the shop are supplied in the shop's State.
    supply_state := CASE WHEN o.fulfilment = 'delivery' AND coalesce(o.state, '') <> ''
                         THEN o.state ELSE shop.state END;
    supply_code := (SELECT code FROM gst_states WHERE name = supply_state);
    inter := supply_code IS NOT NULL AND shop_code IS NOT NULL AND supply_code <> shop_code;

    INSERT INTO invoice_series AS s (financial_year, last_number) VALUES (fy, 1)
    ON CONFLICT (financial_year) DO UPDATE SET last_number = s.last_number + 1
    RETURNING last_number INTO seq;

    SELECT coalesce(sum(t.taxable), 0)::bigint AS taxable, coalesce(sum(t.cgst), 0)::bigint AS cgst,
           coalesce(sum(t.sgst), 0)::bigint AS sgst, coalesce(sum(t.igst), 0)::bigint AS igst,
           coalesce(sum(oi.quantity * oi.unit_price_paise), 0)::bigint AS total
    INTO totals
    FROM order_items oi
    CROSS JOIN LATERAL invoice_line_tax(oi.quantity * oi.unit_price_paise, oi.gst_rate, inter) t
    WHERE oi.order_id = order_to_invoice;

    INSERT INTO invoices (order_id, number, financial_year, sequence, issued_on,
        supplier_name, supplier_address, supplier_gstin, supplier_state, supplier_state_code,
        recipient_name, recipient_address, recipient_gstin, place_of_supply, place_of_supply_code,
        inter_state, taxable_paise, cgst_paise, sgst_paise, igst_paise, total_paise,
        round_off_paise, payable_paise)
    -- lpad would cut a seven-digit number short (and repeat an earlier one):
    -- past 999999 the number grows and the length check refuses it.
    VALUES (order_to_invoice, 'INV/' || fy || '/' || lpad(seq::text, greatest(6, length(seq::text)), '0'),
        fy, seq, on_day,
        shop.business_name, shop.address, shop.gstin, shop.state, shop_code,
        o.customer_name,
        CASE WHEN o.fulfilment = 'delivery'
             THEN concat_ws(', ', o.address, o.city, o.state, o.pin)
             ELSE 'Collected at the shop' END,
        o.gstin, coalesce(supply_state, ''), supply_code, inter,
        totals.taxable, totals.cgst, totals.sgst, totals.igst, totals.total,
        round(totals.total / 100.0)::bigint * 100 - totals.total,
        round(totals.total / 100.0)::bigint * 100)
    RETURNING id INTO invoice_id;

    INSERT INTO invoice_lines (invoice_id, line_no, description, hsn, quantity, unit, rate,
        unit_price_paise, taxable_paise, cgst_paise, sgst_paise, igst_paise)
    SELECT invoice_id, row_number() OVER (ORDER BY p.name, p.id), p.name, p.hsn, oi.quantity,
           coalesce(nullif(p.unit, ''), 'unit'), oi.gst_rate, oi.unit_price_paise,
           t.taxable, t.cgst, t.sgst, t.igst
    FROM order_items oi JOIN products p ON p.id = oi.product_id
    CROSS JOIN LATERAL invoice_line_tax(oi.quantity * oi.unit_price_paise, oi.gst_rate, inter) t
    WHERE oi.order_id = order_to_invoice;
    RETURN invoice_id;
END $$;

-- Paid (UPI confirmed, Razorpay captured) or collected at pickup: invoiced.
CREATE FUNCTION orders_issue_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM issue_invoice(NEW.id, kolkata_today());
    RETURN NEW;
END $$;
CREATE TRIGGER orders_issue_invoice AFTER UPDATE OF status ON orders
    FOR EACH ROW WHEN (NEW.status IN ('paid', 'delivered') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION orders_issue_invoice();
