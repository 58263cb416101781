-- Staff ask for leave from their phones; a manager approves or declines. An approved request
-- becomes an absence in the same write (absence_id), and the weeks it touches are re-planned as
-- for any absence. The note is the person's own words to their manager: private, like an
-- absence's detail, never shown to colleagues or in feeds.
CREATE TABLE leave_requests (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('annual', 'appointment', 'training', 'unpaid')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  -- a part day: both times, on a one-day request only
  start_time TEXT,
  end_time TEXT CHECK ((start_time IS NULL) = (end_time IS NULL)),
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'declined', 'withdrawn')),
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  absence_id TEXT REFERENCES absences(id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX leave_requests_by_school ON leave_requests(school_id, status, start_date);
CREATE INDEX leave_requests_by_staff ON leave_requests(staff_id, start_date);
