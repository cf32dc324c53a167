-- Emails are written here in the same transaction as the change that causes
-- them and delivered by a background worker; rows are never deleted.

CREATE TABLE email_outbox (
    id              bigserial PRIMARY KEY,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    body_text       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Wakes the worker as soon as a message is committed.
CREATE FUNCTION email_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('email_outbox', NEW.id::text);
    RETURN NEW;
END $$;
CREATE TRIGGER email_outbox_notify AFTER INSERT ON email_outbox
    FOR EACH ROW EXECUTE FUNCTION email_outbox_notify();
