-- Same-day switches to wet weather. A duty post may be the wet-weather alternative of another
-- post of its school (the Sports hall for the Yard): on a day the school marks wet, the week is
-- planned with the alternative in the dry post's place, and on every other day without it
-- (src/week/wet-weather.ts). One alternative per dry post, and an alternative has none of its own,
-- so a wet day never has to choose between two. Deleting a dry post through the API is refused
-- while an alternative names it; a scenario import that drops one leaves the alternative a plain
-- post (SET NULL) rather than failing the whole import on a foreign key.
ALTER TABLE duty_posts ADD COLUMN wet_weather_for TEXT REFERENCES duty_posts(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX duty_posts_one_wet_alternative ON duty_posts(wet_weather_for) WHERE wet_weather_for IS NOT NULL;

-- The days a manager switched to wet weather. A row is the switch being on; turning it off
-- deletes the row (the audit log keeps who did either and when).
CREATE TABLE wet_days (
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  marked_by TEXT,
  PRIMARY KEY (school_id, date)
);
