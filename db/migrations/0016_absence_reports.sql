-- Staff report their own absence on /me. The absence itself is an ordinary row of absences
-- (so every rota, re-plan and manager page treats it as any other); this table is what makes
-- it self-reported: who reported it and when, the note for whoever covers their duties, and
-- whether a manager rejected it. Rejecting deletes the absence (absence_id becomes NULL) but
-- keeps this row, so the person sees the answer on their phone. The reason is not here: it is
-- the absence's own private reason, which nothing a colleague reads ever selects.
CREATE TABLE absence_reports (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  absence_id TEXT REFERENCES absences(id) ON DELETE SET NULL,
  -- the days as reported; the absence may be edited by a manager afterwards
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  start_time TEXT,
  end_time TEXT CHECK ((start_time IS NULL) = (end_time IS NULL)),
  -- for the colleague who covers: shown on their duty entry, never the reason
  cover_note TEXT CHECK (cover_note IS NULL OR length(cover_note) <= 2000),
  status TEXT NOT NULL CHECK (status IN ('reported', 'rejected')),
  reported_at TEXT NOT NULL,
  rejected_by TEXT,
  rejected_at TEXT
);
CREATE INDEX absence_reports_by_staff ON absence_reports(staff_id, start_date);
CREATE UNIQUE INDEX absence_reports_by_absence ON absence_reports(absence_id);

-- /me reads these rows (the reporter's own list; the cover note on a colleague's duty), and the
-- note is shown only while its absence stands at the dates it has now: a change to either makes
-- the school's stored pages stale, as 0009_read_views.sql does for the rest.
CREATE TRIGGER view_epoch_absence_reports_insert AFTER INSERT ON absence_reports BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_absence_reports_update AFTER UPDATE ON absence_reports BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_absence_reports_delete AFTER DELETE ON absence_reports BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_absences_update AFTER UPDATE ON absences BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_absences_delete AFTER DELETE ON absences BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
