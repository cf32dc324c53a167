-- The partner programme and the CRM: applications, partners with their
-- referral codes, visits through referral links, the partner an order is
-- attributed to, commissions, monthly payouts, KYC documents, and leads with
-- their timelines.

-- Programme terms, edited in the admin's settings. Rates are basis points
-- (500 = 5 %) of an order's value before GST.
ALTER TABLE settings
    ADD COLUMN ipp_commission_bp     integer NOT NULL DEFAULT 500 CHECK (ipp_commission_bp BETWEEN 0 AND 10000),
    ADD COLUMN bpp_commission_bp     integer NOT NULL DEFAULT 800 CHECK (bpp_commission_bp BETWEEN 0 AND 10000),
    ADD COLUMN commission_hold_days  integer NOT NULL DEFAULT 7 CHECK (commission_hold_days BETWEEN 0 AND 365),
    ADD COLUMN won_lead_reward_paise bigint NOT NULL DEFAULT 50000 CHECK (won_lead_reward_paise >= 0);

CREATE TABLE partner_applications (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('ipp', 'bpp')),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email         text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    mobile        text NOT NULL CHECK (mobile ~ '^[6-9][0-9]{9}$'),
    city          text NOT NULL CHECK (length(city) BETWEEN 1 AND 60),
    pan           text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    upi_id        text NOT NULL CHECK (upi_id = lower(upi_id) AND upi_id LIKE '%_@_%'),
    business_name text CHECK (length(business_name) BETWEEN 1 AND 120),
    gstin         text CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    address       text CHECK (length(address) BETWEEN 1 AND 300),
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reject_reason text,
    decided_by    uuid REFERENCES users (id),
    decided_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- A business partner is a registered business.
    CHECK (kind = 'ipp' OR (business_name IS NOT NULL AND gstin IS NOT NULL AND address IS NOT NULL)),
    CHECK (status <> 'rejected' OR length(reject_reason) > 0),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One open application per email address.
CREATE UNIQUE INDEX partner_applications_one_open ON partner_applications (email) WHERE status = 'pending';
CREATE INDEX partner_applications_open ON partner_applications (created_at) WHERE status = 'pending';

CREATE TABLE partners (
    user_id        uuid PRIMARY KEY REFERENCES users (id),
    application_id bigint NOT NULL UNIQUE REFERENCES partner_applications (id),
    kind           text NOT NULL CHECK (kind IN ('ipp', 'bpp')),
    referral_code  text NOT NULL UNIQUE CHECK (referral_code ~ '^[A-Z0-9]{6,12}$'),
    commission_bp  integer NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
    upi_id         text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Visits through a referral link, counted per partner per day (one row a
-- day, not one a hit).
CREATE TABLE referral_visits (
    partner_id uuid NOT NULL REFERENCES partners (user_id),
    day        date NOT NULL DEFAULT current_date,
    visits     integer NOT NULL DEFAULT 0 CHECK (visits >= 0),
    PRIMARY KEY (partner_id, day)
);

ALTER TABLE orders ADD COLUMN partner_id uuid REFERENCES partners (user_id);
CREATE INDEX orders_partner ON orders (partner_id, placed_at DESC) WHERE partner_id IS NOT NULL;

CREATE TABLE leads (
    id                    bigserial PRIMARY KEY,
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    mobile                text CHECK (mobile ~ '^[6-9][0-9]{9}$'),
    email                 text CHECK (email = lower(email) AND email LIKE '%_@_%'),
    company               text NOT NULL DEFAULT '',
    city                  text NOT NULL DEFAULT '',
    source                text NOT NULL CHECK (source IN ('contact', 'consultation', 'partner', 'staff')),
    interest              text NOT NULL DEFAULT '',
    estimated_value_paise bigint CHECK (estimated_value_paise >= 0),
    stage                 text NOT NULL DEFAULT 'new'
                          CHECK (stage IN ('new', 'contacted', 'qualified', 'won', 'lost')),
    lost_reason           text,
    submitted_by          uuid REFERENCES partners (user_id),
    assigned_to           uuid REFERENCES users (id),
    follow_up_on          date,
    customer_id           uuid REFERENCES users (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (mobile IS NOT NULL OR email IS NOT NULL),
    CHECK ((stage = 'lost') = (lost_reason IS NOT NULL))
);
CREATE INDEX leads_stage ON leads (stage, updated_at DESC);
CREATE INDEX leads_assigned ON leads (assigned_to) WHERE assigned_to IS NOT NULL;
CREATE INDEX leads_submitted ON leads (submitted_by) WHERE submitted_by IS NOT NULL;
CREATE INDEX leads_mobile ON leads (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX leads_email ON leads (email) WHERE email IS NOT NULL;
CREATE INDEX leads_follow_up ON leads (follow_up_on) WHERE follow_up_on IS NOT NULL;

-- A lead's timeline: what people wrote and did, and what changed.
CREATE TABLE lead_events (
    id       bigserial PRIMARY KEY,
    lead_id  bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('created', 'note', 'call', 'email', 'stage', 'assigned', 'follow_up')),
    body     text NOT NULL DEFAULT '',
    actor_id uuid REFERENCES users (id),
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_events_lead ON lead_events (lead_id, at);

-- A statement: one partner's due commissions for a month, paid by bank
-- transfer. Marking it paid is one UPDATE guarded by `status = 'statement'`,
-- so a statement can never be paid twice.
CREATE TABLE payouts (
    id           bigserial PRIMARY KEY,
    partner_id   uuid NOT NULL REFERENCES partners (user_id),
    month        date NOT NULL CHECK (month = date_trunc('month', month)::date),
    amount_paise bigint NOT NULL CHECK (amount_paise >= 0),
    status       text NOT NULL DEFAULT 'statement' CHECK (status IN ('statement', 'paid')),
    utr          text UNIQUE CHECK (utr ~ '^[0-9A-Z]{12,22}$'),
    paid_at      timestamptz,
    paid_by      uuid REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partner_id, month),
    CHECK ((status = 'paid') = (utr IS NOT NULL AND paid_at IS NOT NULL))
);

-- What a partner earned: a share of a delivered order, or a fixed reward for a
-- lead they brought that was won. Pending until the holding period ends, then
-- due; paid with its payout; reversed if the order is cancelled or returned
-- before that.
CREATE TABLE commissions (
    id              bigserial PRIMARY KEY,
    partner_id      uuid NOT NULL REFERENCES partners (user_id),
    order_id        bigint UNIQUE REFERENCES orders (id),
    lead_id         bigint UNIQUE REFERENCES leads (id),
    base_paise      bigint NOT NULL CHECK (base_paise >= 0),
    rate_bp         integer CHECK (rate_bp BETWEEN 0 AND 10000),
    amount_paise    bigint NOT NULL CHECK (amount_paise >= 0),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'due', 'paid', 'reversed')),
    due_at          timestamptz NOT NULL,
    payout_id       bigint REFERENCES payouts (id),
    reversed_reason text,
    accrued_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((order_id IS NULL) <> (lead_id IS NULL)),
    CHECK (status <> 'paid' OR payout_id IS NOT NULL),
    CHECK ((status = 'reversed') = (reversed_reason IS NOT NULL))
);
CREATE INDEX commissions_partner ON commissions (partner_id, accrued_at DESC);
CREATE INDEX commissions_pending ON commissions (due_at) WHERE status = 'pending';

-- KYC documents a partner uploads; only they and admins can open them.
CREATE TABLE partner_documents (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id   uuid NOT NULL REFERENCES partners (user_id),
    kind         text NOT NULL CHECK (kind IN ('pan', 'gst_certificate', 'address_proof', 'cancelled_cheque', 'other')),
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes        bytea NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_documents_partner ON partner_documents (partner_id, uploaded_at DESC);

-- The programme's public pages, published and editable in the admin like any
-- content page; they are shown at /partners, /partners/ipp, /partners/bpp and
-- /partners/faq with an "Apply" call to action.
INSERT INTO pages (slug, title, body, seo_title, seo_description, published) VALUES
('partners', 'Partner programme',
 E'## Earn by recommending us\n\nPeople who know us bring us most of our customers. The partner programme thanks them for it: share your referral link, and you earn a commission on every order placed through it once the order is delivered.\n\n- **Individual partners** recommend us to friends, family and neighbours.\n- **Business partners** (clinics, offices, societies, shops) are GST-registered and bring their customers, members or staff.\n\nYour dashboard shows every visit, order and commission as it happens, and commissions are paid to your bank or UPI ID every month.',
 'Partner programme: earn by recommending us',
 'Share your referral link, earn a commission on every delivered order, paid monthly. For individuals and GST-registered businesses.',
 true),
('partners-ipp', 'Individual partners',
 E'## For individuals\n\nTell people you know about us, and share your link on WhatsApp or social media.\n\n- **5 % of the order value** (before GST) on every delivered order placed through your link within 30 days of the click.\n- A fixed reward for every customer enquiry you bring that becomes a sale.\n- Paid monthly to your UPI ID.\n\nYou need a mobile number and a UPI ID; a PAN is needed once your commissions pass the tax threshold.',
 'Individual partners: earn 5 % on every order you bring',
 'Recommend us to friends and family and earn 5 % of every delivered order placed through your link, paid monthly by UPI.',
 true),
('partners-bpp', 'Business partners',
 E'## For businesses\n\nClinics, offices, housing societies and shops that send their customers, members or staff to us.\n\n- **8 % of the order value** (before GST) on every delivered order placed through your link.\n- Leads you pass to us are assigned to you, and you can follow their progress.\n- Monthly statements with every order listed, paid by bank transfer.\n\nYou need a GSTIN, your business address, and a UPI ID or bank account for payouts.',
 'Business partners: 8 % commission for GST-registered businesses',
 'Send your customers or members to us and earn 8 % of every delivered order, with monthly statements and payouts.',
 true),
('partners-faq', 'Partner FAQ',
 E'## When do I earn a commission?\n\nWhen an order placed through your link is delivered. It is held for 7 days (for returns), then becomes due, and is paid with the next monthly payout.\n\n## How long does my link count?\n\n30 days from the last time someone opened it, on the same browser.\n\n## Can I earn on my own orders?\n\nNo: orders you place yourself earn nothing.\n\n## What if an order is cancelled or returned?\n\nIts commission is reversed, unless it was already paid.\n\n## How am I paid?\n\nBy bank transfer or UPI, once a month, with a statement of every order it covers.',
 'Partner programme FAQ',
 'When commissions are earned, how long a referral link counts, cancellations and returns, and how partners are paid.',
 true)
ON CONFLICT (slug) DO NOTHING;

-- A delivered order can come back: its stock returns and a commission on it
-- that has not been paid is reversed.
ALTER TABLE orders DROP CONSTRAINT orders_status, ADD CONSTRAINT orders_status CHECK (status IN (
    'placed', 'awaiting_payment', 'payment_submitted', 'to_pay_at_pickup', 'paid',
    'packed', 'ready_for_pickup', 'shipped', 'delivered', 'returned', 'cancelled', 'expired'));
