-- Rate limits shared by every server instance (GCRA). A key's allowance is
-- whole again at `ready_at`; each attempt pushes it one interval further, and
-- an attempt that would push it more than the window ahead is refused.
-- Unlogged: losing the counters in a crash only forgives recent attempts.
CREATE UNLOGGED TABLE rate_limits (
    key text PRIMARY KEY,
    ready_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_ready_at ON rate_limits (ready_at);
