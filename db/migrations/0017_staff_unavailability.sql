-- Times a member of staff cannot do, marked on their phone: every week (a weekday and a time
-- range, taken from a slot or typed) or once (a date, the whole day or part of it). It binds
-- the solver only once a manager approves it: an approved row is planned as an absence of that
-- time in every week it touches (src/leave/unavailable-days.ts), so the solver, solver/check.ts
-- and any other reader of the scenario format keep it as the hard rule they already keep for
-- absences. The note is the person's own words to their manager, private like a leave note.
CREATE TABLE staff_unavailability (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  repeat TEXT NOT NULL CHECK (repeat IN ('weekly', 'once')),
  -- weekly: the weekday, no date; once: the date, no weekday
  day TEXT CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
  date TEXT,
  -- both or neither; neither (the whole day) only once
  start_time TEXT,
  end_time TEXT,
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'declined', 'withdrawn')),
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((repeat = 'weekly') = (day IS NOT NULL) AND (repeat = 'once') = (date IS NOT NULL)),
  CHECK ((start_time IS NULL) = (end_time IS NULL) AND (start_time IS NULL OR end_time > start_time)),
  CHECK (repeat = 'once' OR start_time IS NOT NULL)
);
CREATE INDEX staff_unavailability_by_school ON staff_unavailability(school_id, status);
CREATE INDEX staff_unavailability_by_staff ON staff_unavailability(staff_id);

-- The /me page lists the person's own marks and their answers, and offers the school day's
-- slots to mark: a change to either makes the stored copies of the school's pages stale, as
-- 0009 and 0015 do for the other tables it reads (slots had no trigger: /me never read them).
CREATE TRIGGER view_epoch_staff_unavailability_insert AFTER INSERT ON staff_unavailability BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_staff_unavailability_update AFTER UPDATE ON staff_unavailability BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_staff_unavailability_delete AFTER DELETE ON staff_unavailability BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_slots_insert AFTER INSERT ON slots BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_slots_update AFTER UPDATE ON slots BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_slots_delete AFTER DELETE ON slots BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
