-- "Seen" receipts: a person's word that they have read a change to one of their published
-- duties, so the office knows whom to chase before the day starts. A receipt is for one
-- assignment (its calendar_entries uid, which an assignment keeps for life) as one publish left
-- it (calendar_entries.asks_seen_in): a later publish that changes the duty again moves
-- asks_seen_in, so the old receipt no longer answers and the person is asked again. Only changes
-- made by a re-plan ask (a week's first publish is all new, nothing to acknowledge), and only
-- duties the person still has: a duty taken off them asks nothing of them.

-- The publish that last gave the duty, or changed when, where or what it is (set by
-- src/calendar/publish-record.ts beside changed_in). Unlike changed_in it does not move when
-- only the colleagues on the duty change: that sends nobody anywhere else, and the change
-- message does not mention it. Rows from before this migration take their last change.
ALTER TABLE calendar_entries ADD COLUMN asks_seen_in TEXT NOT NULL DEFAULT '';
UPDATE calendar_entries SET asks_seen_in = changed_in;

CREATE TABLE duty_receipts (
  entry_uid TEXT NOT NULL REFERENCES calendar_entries(uid) ON DELETE CASCADE,
  publish_id TEXT NOT NULL REFERENCES calendar_publishes(id) ON DELETE CASCADE,
  -- the entry's own school and person, kept so every read can be scoped without a join
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (entry_uid, publish_id)
);
CREATE INDEX duty_receipts_by_publish ON duty_receipts(school_id, publish_id);

-- /me shows which changed duties are still to be marked seen, so a receipt makes the stored
-- copies of the school's pages stale, as 0009 and 0015 do for the rest of what the page reads.
CREATE TRIGGER view_epoch_duty_receipts_insert AFTER INSERT ON duty_receipts BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER view_epoch_duty_receipts_delete AFTER DELETE ON duty_receipts BEGIN
  UPDATE view_epochs SET epoch = epoch + 1 WHERE school_id = OLD.school_id;
END;
