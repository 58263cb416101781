-- Supply and agency staff. A supply person is a member of staff (so the rota, the ledgers and
-- /me treat them as anyone else) with an agency, a day or hourly rate and the Single Central
-- Record checks a school must have seen before they work. They have no regular working days:
-- their booked days (supply_bookings) are the only days the week plans them, and on a booked
-- day any check missing, not yet made or expired makes them absent (src/supply/supply.ts), so
-- the solver and both checkers never assign them then.
CREATE TABLE supply_staff (
  staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  agency TEXT NOT NULL,
  -- whole pence, per `rate_unit`
  rate_pence INTEGER NOT NULL CHECK (rate_pence >= 0),
  rate_unit TEXT NOT NULL CHECK (rate_unit IN ('day', 'hour')),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX supply_staff_by_school ON supply_staff(school_id);

-- One row per check kind a person has had seen; a kind with no row is missing. `expires_on`
-- is the last day the check counts (null: it does not expire).
CREATE TABLE scr_checks (
  staff_id TEXT NOT NULL REFERENCES supply_staff(staff_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('dbs', 'agency_confirmation', 'identity')),
  checked_on TEXT NOT NULL,
  expires_on TEXT,
  CHECK (expires_on IS NULL OR expires_on >= checked_on),
  PRIMARY KEY (staff_id, kind)
);

-- The days a supply person is booked to work, one booking a day, with its times.
CREATE TABLE supply_bookings (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES supply_staff(staff_id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  CHECK (end_time > start_time),
  UNIQUE (staff_id, date)
);
CREATE INDEX supply_bookings_by_school ON supply_bookings(school_id, date);
