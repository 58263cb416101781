-- Cover request and event codes are unique per week, not per school. A scenario file names its
-- cover and events ("c1", "parents-eve") only within its own week, so a school importing week
-- after week from another tool reuses "c1" every week; the rule was UNIQUE (school_id, code).
--
-- Each table gains `week`, the Monday of its date, computed by the database itself (a stored
-- generated column: it can never disagree with `date`, and moving a request to another day
-- moves it to that day's week), and codes are unique per (school, week). SQLite cannot drop a
-- table-level UNIQUE, so both tables are rebuilt: created anew, rows copied with their ids,
-- the old table dropped and the new one renamed. No table refers to either of them (rotas keep
-- work_code and date, never a row id), so dropping the old table deletes nothing elsewhere and
-- no foreign key is left dangling; their own references (school, slot, absence) are copied as
-- they are and still hold.
--
-- date(d, '-6 days', 'weekday 1') is the Monday on or before d: six days back, then forward to
-- the next Monday (a Monday stays itself). It is deterministic, so SQLite allows it here.

CREATE TABLE cover_requests_by_week (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  date TEXT NOT NULL,
  week TEXT NOT NULL GENERATED ALWAYS AS (date(date, '-6 days', 'weekday 1')) STORED,
  slot_id TEXT NOT NULL REFERENCES slots(id) ON DELETE RESTRICT,
  label TEXT,
  people_needed INTEGER NOT NULL DEFAULT 1,
  skill_seats TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  absence_id TEXT REFERENCES absences(id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO cover_requests_by_week (id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version)
  SELECT id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version FROM cover_requests;
DROP TABLE cover_requests;
ALTER TABLE cover_requests_by_week RENAME TO cover_requests;
CREATE INDEX cover_requests_by_date ON cover_requests(school_id, date);
CREATE UNIQUE INDEX cover_request_code_per_week ON cover_requests(school_id, week, code);

CREATE TABLE events_by_week (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  date TEXT NOT NULL,
  week TEXT NOT NULL GENERATED ALWAYS AS (date(date, '-6 days', 'weekday 1')) STORED,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  people_needed INTEGER NOT NULL DEFAULT 1,
  skill_seats TEXT NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO events_by_week (id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version)
  SELECT id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version FROM events;
DROP TABLE events;
ALTER TABLE events_by_week RENAME TO events;
CREATE INDEX events_by_date ON events(school_id, date);
CREATE UNIQUE INDEX event_code_per_week ON events(school_id, week, code);
