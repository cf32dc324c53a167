-- Accounts, roles and password resets.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Stored lower-case by the application; the check keeps it that way.
    email         text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    mobile        text CHECK (mobile ~ '^[6-9][0-9]{9}$'),
    password_hash text NOT NULL,
    role          text NOT NULL DEFAULT 'customer'
                  CHECK (role IN ('customer', 'partner', 'staff', 'admin')),
    staff_role    text CHECK (staff_role IN ('manager', 'pharmacist', 'sales', 'auditor')),
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the emailed token is kept, so a database leak cannot reset passwords.
CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_resets_user ON password_resets (user_id);
