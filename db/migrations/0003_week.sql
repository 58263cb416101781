-- The weekly loop: generate, publish, re-plan and swaps.

-- Every rota of a week (drafts and published ones) gets the next number of one counter per
-- week, and that number is the week's ETag. Two writers that race for the same number (two
-- generates, a generate and a publish) cannot both win: the second one breaks this index and
-- its whole batch is undone.
CREATE UNIQUE INDEX rota_version_per_week ON rotas(school_id, week, version);

-- Two staff exchanging published assignments by agreement (or one handing an assignment to the
-- other: the b_ columns are then NULL), applied when a manager approves. Side A is the
-- assignment that A held and B takes; side B the one B held and A takes.
-- a_credit_staff_id / b_credit_staff_id say whom the fairness ledger counts each moved
-- assignment for: the person it was originally given to, carried along a chain of swaps, so
-- that a swap counts against nobody's fairness. They are set on approval.
CREATE TABLE swaps (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'declined')),
  staff_a_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  a_work_code TEXT NOT NULL,
  a_date TEXT NOT NULL,
  a_slot_code TEXT,
  staff_b_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  b_work_code TEXT,
  b_date TEXT,
  b_slot_code TEXT,
  a_credit_staff_id TEXT REFERENCES staff(id) ON DELETE SET NULL,
  b_credit_staff_id TEXT REFERENCES staff(id) ON DELETE SET NULL,
  note TEXT,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (staff_a_id <> staff_b_id),
  CHECK ((b_work_code IS NULL) = (b_date IS NULL)),
  CHECK (status = 'requested' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
);
CREATE INDEX swaps_by_week ON swaps(school_id, week, status);
