-- Organisations were the one editable resource without a version, so two trust admins renaming
-- the same trust at once silently overwrote each other. Like every other row that can be
-- edited, an organisation now carries a version that each update bumps (the ETag, If-Match).
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
