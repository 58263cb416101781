-- The price of a gap (issue 14): a grade's hourly rate prices the additional hours its holders
-- are paid, and a manager's one-click fix of an empty seat is kept as a grant for that week (one
-- duty over a person's weekly cap, or additional hours beyond what they have left), which the
-- week's scenario adds to the person's limits and the cover cost ledger counts. The rate is in
-- pence so sums are exact; NULL is "not set", which prices nothing.
ALTER TABLE grades ADD COLUMN hourly_rate_pence INTEGER CHECK (hourly_rate_pence IS NULL OR hourly_rate_pence >= 0);

CREATE TABLE week_grants (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('extra-duty', 'additional-hours')),
  -- duties for 'extra-duty', hours for 'additional-hours'
  amount REAL NOT NULL CHECK (amount > 0),
  -- the grade's rate when granted: pay already agreed does not move with a later pay award
  rate_pence INTEGER CHECK (rate_pence IS NULL OR rate_pence >= 0),
  -- the seat it was granted for
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX week_grants_by_week ON week_grants(school_id, week, staff_id);
