-- Fast reads: /me and the calendar feeds are served from a stored copy (read_views) instead of
-- being recomputed on every request. A copy is good only while nothing it was made from has
-- changed, and that is decided here, in the database, not by every feature remembering to
-- invalidate: each school has an epoch (view_epochs), and a trigger on every table the page
-- or a feed reads bumps it in the same transaction as the change (a publish, a swap, a staff
-- edit, a new feed, a term date...). A copy carries the epoch it was made at and is served only
-- while that is still the school's epoch, and only on the school date it was made for (the
-- page says "today", the feed starts 42 days back). Because a copy's epoch is read BEFORE the
-- data it is made from, a change that lands while a copy is being made leaves it stale, never
-- current.
--
-- Tables read and why a change matters:
--   calendar_publishes  one row per publish or approved swap: the calendar_entries of that write
--                       (entries change only in such writes, or go with a deleted staff member)
--   rotas, rota_assignments  published assignments: the fairness and hours figures
--   staff, schools      names (page, feed titles), hours (figures), time zone (today)
--   swaps               the page's swaps panel, and approved swaps credit fairness
--   feed_tokens         the page says whether a calendar link exists
--   duty_posts          a duty post feed's name
--   calendar_periods, closures, duty_balances, cover_requests, events   the figures
-- Drafts are left out on purpose: a generate running must not throw every copy away.
CREATE TABLE view_epochs (
  school_id TEXT PRIMARY KEY REFERENCES schools(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL DEFAULT 0
);
INSERT INTO view_epochs (school_id) SELECT id FROM schools;

-- key: 'me:<staff id>' (the page without a one-off message) or 'feed:<feed token id>'.
-- variant: what else the text depends on (a feed's link back to /me names the origin).
CREATE TABLE read_views (
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  today TEXT NOT NULL,
  variant TEXT NOT NULL,
  etag TEXT NOT NULL,
  modified TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (school_id, key)
);

CREATE TRIGGER view_epoch_new_school AFTER INSERT ON schools BEGIN
  INSERT OR IGNORE INTO view_epochs (school_id) VALUES (NEW.id);
END;
CREATE TRIGGER view_epoch_school AFTER UPDATE ON schools BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.id;
END;

-- The rest: any row of the school written or removed.
CREATE TRIGGER view_epoch_staff_insert AFTER INSERT ON staff BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_staff_update AFTER UPDATE ON staff BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_staff_delete AFTER DELETE ON staff BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_swaps_insert AFTER INSERT ON swaps BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_swaps_update AFTER UPDATE ON swaps BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_swaps_delete AFTER DELETE ON swaps BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_feed_tokens_insert AFTER INSERT ON feed_tokens BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_feed_tokens_update AFTER UPDATE ON feed_tokens BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_feed_tokens_delete AFTER DELETE ON feed_tokens BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_duty_posts_insert AFTER INSERT ON duty_posts BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_duty_posts_update AFTER UPDATE ON duty_posts BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_duty_posts_delete AFTER DELETE ON duty_posts BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_calendar_periods_insert AFTER INSERT ON calendar_periods BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_calendar_periods_update AFTER UPDATE ON calendar_periods BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_calendar_periods_delete AFTER DELETE ON calendar_periods BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_closures_insert AFTER INSERT ON closures BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_closures_update AFTER UPDATE ON closures BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_closures_delete AFTER DELETE ON closures BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_duty_balances_insert AFTER INSERT ON duty_balances BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM staff WHERE id = NEW.staff_id);
END;
CREATE TRIGGER view_epoch_duty_balances_update AFTER UPDATE ON duty_balances BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM staff WHERE id = NEW.staff_id);
END;
CREATE TRIGGER view_epoch_duty_balances_delete AFTER DELETE ON duty_balances BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM staff WHERE id = OLD.staff_id);
END;
CREATE TRIGGER view_epoch_cover_requests_insert AFTER INSERT ON cover_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_cover_requests_update AFTER UPDATE ON cover_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_cover_requests_delete AFTER DELETE ON cover_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_events_insert AFTER INSERT ON events BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_events_update AFTER UPDATE ON events BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_events_delete AFTER DELETE ON events BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_publish AFTER INSERT ON calendar_publishes BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_rota_status AFTER UPDATE OF status ON rotas WHEN OLD.status = 'published' OR NEW.status = 'published' BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_rota_gone AFTER DELETE ON rotas WHEN OLD.status = 'published' BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
-- An approved swap moves published assignments in place (and records a publish too).
CREATE TRIGGER view_epoch_assignment_moved AFTER UPDATE ON rota_assignments BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM rotas WHERE id = NEW.rota_id AND status = 'published');
END;
CREATE TRIGGER view_epoch_assignment_gone AFTER DELETE ON rota_assignments BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM rotas WHERE id = OLD.rota_id AND status = 'published');
END;
