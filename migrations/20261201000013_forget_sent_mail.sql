-- Sent emails no longer keep their text (it holds reset, invite and order
-- links); the outbox forgets it when a message is sent. Forget it for the
-- messages sent before this.
UPDATE email_outbox SET body_text = '' WHERE sent_at IS NOT NULL;
