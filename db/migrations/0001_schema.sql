-- Duty Rota schema, applied unchanged to SQLite (better-sqlite3) and D1.
-- Conventions: ids are opaque random text; `code` is the id a school uses in scenario files
-- (unique per school); dates are 'YYYY-MM-DD', times 'HH:MM', instants ISO-8601 UTC text;
-- small fixed-shape lists are JSON text. `version` rows are bumped on every update so that
-- concurrent edits are detected (If-Match).

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE schools (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'Europe/London',
  full_time_hours REAL NOT NULL DEFAULT 37,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX schools_by_organisation ON schools(organisation_id);

-- The school day: slots in order; `days` is a JSON array of weekdays or NULL for every day.
CREATE TABLE slots (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lesson', 'break', 'lunch', 'other')),
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  days TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);

-- Term calendar. Terms and half-term holidays are date ranges; single days with no pupils
-- (INSET, bank holidays, other closures) are closures. INSET days are staff working days.
CREATE TABLE calendar_periods (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('term', 'half_term')),
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date)
);
CREATE INDEX calendar_periods_by_school ON calendar_periods(school_id, start_date);

CREATE TABLE closures (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inset', 'bank_holiday', 'other')),
  name TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, date)
);

-- `duty_kinds` is a JSON array of break | lunch | oncall | other | cover | event.
CREATE TABLE grades (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  duty_kinds TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);

-- `pattern` is a JSON object weekday -> { start, end }; avoid/prefer are JSON arrays of duty
-- post codes. The additional-hours allowance is per school year; what is left of it is the
-- allowance minus event hours in published rotas (the hours ledger).
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  grade_id TEXT NOT NULL REFERENCES grades(id) ON DELETE RESTRICT,
  hours_per_week REAL NOT NULL,
  pattern TEXT NOT NULL,
  unpaid_break_minutes INTEGER NOT NULL DEFAULT 0,
  additional_hours_allowance REAL NOT NULL DEFAULT 0,
  max_duties_per_week INTEGER,
  avoid TEXT NOT NULL DEFAULT '[]',
  prefer TEXT NOT NULL DEFAULT '[]',
  email TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);
CREATE INDEX staff_by_grade ON staff(grade_id);

-- A skill with an optional expiry date: an expired certificate is not a skill.
CREATE TABLE staff_skills (
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  skill TEXT NOT NULL,
  expires_on TEXT,
  PRIMARY KEY (staff_id, skill)
);

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  day TEXT NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  label TEXT
);
CREATE INDEX commitments_by_staff ON commitments(staff_id);

-- Duties done this term before `as_of` that Duty Rota did not plan (a school starting
-- mid-term, or an imported scenario's dutiesThisTerm). The fairness ledger adds published
-- duties from `as_of` on.
CREATE TABLE duty_balances (
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  as_of TEXT NOT NULL,
  duties INTEGER NOT NULL,
  PRIMARY KEY (staff_id, as_of)
);

-- Recurring needs. `days` is a JSON array of weekdays; `skill_seats` a JSON object
-- skill -> count. The slots a post runs in are rows of duty_post_slots, so that a slot still
-- in use cannot be deleted.
CREATE TABLE duty_posts (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('break', 'lunch', 'oncall', 'other')),
  days TEXT NOT NULL,
  people_needed INTEGER NOT NULL,
  skill_seats TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);

CREATE TABLE duty_post_slots (
  duty_post_id TEXT NOT NULL REFERENCES duty_posts(id) ON DELETE CASCADE,
  slot_id TEXT NOT NULL REFERENCES slots(id) ON DELETE RESTRICT,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (duty_post_id, slot_id)
);
CREATE INDEX duty_post_slots_by_slot ON duty_post_slots(slot_id);

-- Absences: whole days (no times) or part of each day; end_date NULL = open-ended.
-- Free-text detail lives in absence_details so nothing that builds a rota or a feed reads it.
CREATE TABLE absences (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date TEXT,
  start_time TEXT,
  end_time TEXT,
  reason TEXT CHECK (reason IS NULL OR reason IN ('sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX absences_by_school_dates ON absences(school_id, start_date);

CREATE TABLE absence_details (
  absence_id TEXT PRIMARY KEY REFERENCES absences(id) ON DELETE CASCADE,
  detail TEXT NOT NULL
);

-- Lessons or 1:1 sessions that need someone else on one date and slot.
CREATE TABLE cover_requests (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_id TEXT NOT NULL REFERENCES slots(id) ON DELETE RESTRICT,
  label TEXT,
  people_needed INTEGER NOT NULL DEFAULT 1,
  skill_seats TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  absence_id TEXT REFERENCES absences(id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);
CREATE INDEX cover_requests_by_date ON cover_requests(school_id, date);

-- One-off work outside the usual day, paid from additional hours.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  people_needed INTEGER NOT NULL DEFAULT 1,
  skill_seats TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, code)
);
CREATE INDEX events_by_date ON events(school_id, date);

-- A week's rota: drafts and the published one. At most one published rota per week.
CREATE TABLE rotas (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  stats TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX rotas_by_week ON rotas(school_id, week, status);
CREATE UNIQUE INDEX one_published_rota_per_week ON rotas(school_id, week) WHERE status = 'published';

-- `work_code` is the code of a duty post, cover request or event; slot_code is NULL for events.
CREATE TABLE rota_assignments (
  id TEXT PRIMARY KEY,
  rota_id TEXT NOT NULL REFERENCES rotas(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT,
  UNIQUE (rota_id, staff_id, work_code, date, slot_code)
);
CREATE INDEX rota_assignments_by_staff ON rota_assignments(staff_id, date);

CREATE TABLE rota_unfilled (
  rota_id TEXT NOT NULL REFERENCES rotas(id) ON DELETE CASCADE,
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT,
  missing INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX rota_unfilled_by_rota ON rota_unfilled(rota_id);

-- A manager's hand-made decisions for one week: `pin` keeps an assignment, `bar` keeps a
-- person out of one occurrence.
CREATE TABLE week_overrides (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'bar')),
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX week_overrides_by_week ON week_overrides(school_id, week);

-- Who changed what, when; `before` and `after` are JSON snapshots (never absence details).
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  school_id TEXT REFERENCES schools(id) ON DELETE CASCADE,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT,
  at TEXT NOT NULL
);
CREATE INDEX audit_log_by_school ON audit_log(school_id, at);
