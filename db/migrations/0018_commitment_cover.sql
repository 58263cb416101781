-- A fixed commitment (timetabled support, a 1:1 session, an intervention) can say it needs
-- cover when its holder is away; an absence over it then makes the cover request itself.
-- made_by_absence marks the requests an absence made, so shortening or removing the absence
-- takes back exactly those (ON DELETE CASCADE) and never one a manager made by hand, which
-- links its absence through absence_id instead.
ALTER TABLE commitments ADD COLUMN needs_cover INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cover_requests ADD COLUMN made_by_absence TEXT REFERENCES absences(id) ON DELETE CASCADE;
CREATE INDEX cover_requests_made_by_absence ON cover_requests(made_by_absence);
