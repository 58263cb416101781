-- Open cover: a manager offers an empty seat of a published rota to everyone the rule gate
-- allows, and whoever accepts first gets it. The rota's own unfilled row says how many places
-- are left, so an offer only records that it is open and who took its places.
CREATE TABLE cover_offers (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  work_code TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_code TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'taken', 'withdrawn')),
  offered_by TEXT NOT NULL,
  offered_at TEXT NOT NULL,
  closed_at TEXT CHECK ((status = 'open') = (closed_at IS NULL)),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cover_offers_by_week ON cover_offers(school_id, week, status);
-- One open offer per seat: offering it again while it is open changes nothing.
CREATE UNIQUE INDEX cover_offers_one_open ON cover_offers(school_id, work_code, date, COALESCE(slot_code, '')) WHERE status = 'open';

-- Each place taken: who accepted, when. The assignment itself is in the published rota.
CREATE TABLE cover_offer_takes (
  offer_id TEXT NOT NULL REFERENCES cover_offers(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  taken_at TEXT NOT NULL,
  PRIMARY KEY (offer_id, staff_id)
);
