-- The /me page's newer panels read these tables too (cover offered to staff, their leave
-- requests, how they hear about changes): a change to any of them makes the stored copies of
-- the school's pages stale, as 0009_read_views.sql does for the rest.
CREATE TRIGGER view_epoch_cover_offers_insert AFTER INSERT ON cover_offers BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_cover_offers_update AFTER UPDATE ON cover_offers BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_cover_offers_delete AFTER DELETE ON cover_offers BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_leave_requests_insert AFTER INSERT ON leave_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_leave_requests_update AFTER UPDATE ON leave_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_leave_requests_delete AFTER DELETE ON leave_requests BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER view_epoch_notification_prefs_insert AFTER INSERT ON notification_prefs BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM staff WHERE id = NEW.staff_id);
END;
CREATE TRIGGER view_epoch_notification_prefs_update AFTER UPDATE ON notification_prefs BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = (SELECT school_id FROM staff WHERE id = NEW.staff_id);
END;
