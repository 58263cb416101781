-- Telling people when their published duties change. A message is written to the outbox in the
-- same write as the publish (or swap approval, or accepted cover) that caused it, so a publish is
-- never lost between "saved" and "told"; delivery happens after, and a failing mail server never
-- fails or delays the publish. Messages hold duties and a link to /me: never a secret, never an
-- absence reason.
CREATE TABLE notification_prefs (
  staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
  email INTEGER NOT NULL DEFAULT 1 CHECK (email IN (0, 1)),
  -- push to the phones they turned notifications on for (push_subscriptions)
  push INTEGER NOT NULL DEFAULT 1 CHECK (push IN (0, 1)),
  -- school-time "HH:MM" window in which nothing is sent (held until it ends); both or neither
  quiet_start TEXT,
  quiet_end TEXT CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  -- to a member of staff (their duties changed) or to a manager (cover is needed)
  staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE CHECK ((staff_id IS NULL) <> (user_id IS NULL)),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'push')),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_staff ON outbox(staff_id, created_at);

-- A phone that turned on notifications for its owner's page: the browser's push endpoint and
-- keys (public by design: only the browser holds the private half). Forgotten when the push
-- service says the browser has gone (404/410).
CREATE TABLE push_subscriptions (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  endpoint TEXT NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX push_subscriptions_by_staff ON push_subscriptions(staff_id);
