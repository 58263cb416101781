-- Sign-in, roles and credentials. No secret is stored in clear: every token (sign-in link,
-- session, staff personal link, API token) is a random value of 256 bits of which only the
-- SHA-256 hex digest is kept, so a copy of the database opens no door.
-- Instants are ISO-8601 UTC text with milliseconds ('YYYY-MM-DDTHH:MM:SS.sssZ') so that they
-- compare correctly as strings.

-- A person who signs in with an email link (managers and trust admins; staff who have an email
-- may also get one later). Emails are stored lower-cased.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What a user may see: a trust admin sees every school of an organisation, a manager the school
-- given, a staff member their own things in one school.
CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('trust_admin', 'manager', 'staff')),
  organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
  school_id TEXT REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  CHECK (
    (role = 'trust_admin' AND organisation_id IS NOT NULL AND school_id IS NULL AND staff_id IS NULL) OR
    (role = 'manager' AND organisation_id IS NULL AND school_id IS NOT NULL AND staff_id IS NULL) OR
    (role = 'staff' AND organisation_id IS NULL AND school_id IS NOT NULL AND staff_id IS NOT NULL)
  )
);
CREATE INDEX memberships_by_user ON memberships(user_id);
CREATE UNIQUE INDEX one_membership_per_scope ON memberships(user_id, role, COALESCE(organisation_id, ''), COALESCE(school_id, ''));

-- Single-use sign-in links sent by email (or printed by `npm start` / `npm run admin`).
CREATE TABLE signin_links (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX signin_links_by_user ON signin_links(user_id);

-- A staff member's personal link (bookmarked on their phone). Re-issuing revokes the previous
-- one and every session opened with it.
CREATE TABLE staff_links (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX staff_links_by_staff ON staff_links(staff_id);

-- Server-side sessions behind the cookie. `kind` says what opened it: a user's sign-in link
-- (user_id set) or a staff personal link (staff_id, school_id and staff_link_id set), so that a
-- phone link never carries a manager's rights even when the same person is both.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'staff')),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  school_id TEXT REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE,
  staff_link_id TEXT REFERENCES staff_links(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK (
    (kind = 'user' AND user_id IS NOT NULL AND staff_id IS NULL) OR
    (kind = 'staff' AND user_id IS NULL AND school_id IS NOT NULL AND staff_id IS NOT NULL)
  )
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_staff_link ON sessions(staff_link_id);

-- Bearer tokens for scripts, each good for one school only.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_by_school ON api_tokens(school_id);

-- Sign-in attempts counted per fixed window in the database, because Workers isolates share no
-- memory. `key` is 'ip:<address>' or 'email:<address>'; old windows are deleted as new ones fill.
CREATE TABLE signin_attempts (
  key TEXT NOT NULL,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX signin_attempts_by_window ON signin_attempts(window_start);
