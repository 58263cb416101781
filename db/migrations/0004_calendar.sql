-- Calendar feeds and the staff phone page. Conventions as in 0001 and 0002: instants are
-- ISO-8601 UTC text with milliseconds, dates 'YYYY-MM-DD', times 'HH:MM'.

-- Secret feed URLs (/feeds/<token>.ics). Calendar apps cannot send a cookie, so the token in
-- the URL is the credential: 256 random bits, of which only the SHA-256 hex digest is kept.
-- `scope` says what the feed shows:
--   person     the duties of staff_id (held by that person; a manager may issue it for them)
--   duty_post  every assignment of duty_post_id (issued by a manager, user_id)
--   school     every assignment of the school (a manager's own feed, user_id)
-- A feed held by a user answers only while that user still manages the school, so removing a
-- manager also ends their feeds. Rotating revokes the live token and issues a new one in one
-- write; the partial unique index keeps at most one live token per holder and target.
CREATE TABLE feed_tokens (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('person', 'duty_post', 'school')),
  staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE,
  duty_post_id TEXT REFERENCES duty_posts(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK (
    (scope = 'person' AND staff_id IS NOT NULL AND duty_post_id IS NULL AND user_id IS NULL) OR
    (scope = 'duty_post' AND staff_id IS NULL AND duty_post_id IS NOT NULL AND user_id IS NOT NULL) OR
    (scope = 'school' AND staff_id IS NULL AND duty_post_id IS NULL AND user_id IS NOT NULL)
  )
);
CREATE INDEX feed_tokens_by_school ON feed_tokens(school_id, scope);
CREATE UNIQUE INDEX one_live_feed_token ON feed_tokens(school_id, scope, COALESCE(staff_id, ''), COALESCE(duty_post_id, ''), COALESCE(user_id, ''))
  WHERE revoked_at IS NULL;

-- Every assignment ever published, as it was published: what the feeds and the phone page
-- show. A row is keyed by the assignment itself (school, staff, work, date, slot; slot_code is
-- '' for an event, because SQL treats NULLs as distinct and the key would stop being one), and
-- keeps a random `uid` for life, so calendar apps update an event instead of duplicating it.
-- Each publish of a week (and each approved swap, which changes the published rota in place)
-- upserts the week's assignments and marks the rest removed; the statements come from
-- src/calendar/publish-record.ts and run in the publish's own batch:
--   record_id         the calendar_publishes row that last wrote it (every live row of a week
--                     carries the week's latest one; a row that does not was dropped)
--   sequence          RFC 5545 SEQUENCE, +1 whenever what the event says changes or it returns
--   change, changed_in  what the last change was, and the calendar_publishes row it came with
--   removed_at        set when a later publish of the week dropped it; the feeds leave it out
-- The content (times, title, place, colleagues) is a snapshot taken at publish, so a feed
-- never shows an edit of the setup that nobody has published yet.
CREATE TABLE calendar_entries (
  uid TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('break', 'lunch', 'oncall', 'other', 'cover', 'event')),
  duty_post_id TEXT REFERENCES duty_posts(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  location TEXT,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  -- JSON array of the names of the others on the same occurrence
  colleagues TEXT NOT NULL DEFAULT '[]',
  sequence INTEGER NOT NULL DEFAULT 0,
  change TEXT NOT NULL CHECK (change IN ('added', 'updated', 'removed')),
  record_id TEXT NOT NULL,
  changed_in TEXT NOT NULL,
  created_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  UNIQUE (school_id, staff_id, work_code, date, slot_code)
);
CREATE INDEX calendar_entries_by_week ON calendar_entries(school_id, week);
CREATE INDEX calendar_entries_by_staff ON calendar_entries(staff_id, date);
CREATE INDEX calendar_entries_by_post ON calendar_entries(duty_post_id, date);

-- One row per publish of a week (or approved swap), so the phone page can tell a first publish
-- (everything is new, nothing to highlight) from a re-plan (highlight what changed).
CREATE TABLE calendar_publishes (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  rota_id TEXT NOT NULL,
  -- 1 for the week's first publish, then 2, 3...: an order that does not depend on the clock
  ordinal INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  UNIQUE (school_id, week, ordinal)
);
