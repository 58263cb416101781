-- Staff propose swaps from their phones. A offers one of their published assignments to B (and
-- may ask for one of B's in exchange); B accepts or declines; A may withdraw it until a manager
-- decides. Only an accepted offer reaches a manager for approval. Columns are added rather than
-- the table rebuilt, so the swaps already recorded keep their rows and ids.
--
-- agreed_by / agreed_at: who agreed to the swap and when. A swap a manager records was agreed
-- before it was recorded, so it is agreed from the start (the rows already here included);
-- a staff offer is agreed when B accepts it. Nothing unagreed can be approved.
ALTER TABLE swaps ADD COLUMN agreed_by TEXT;
ALTER TABLE swaps ADD COLUMN agreed_at TEXT CHECK ((agreed_by IS NULL) = (agreed_at IS NULL));
UPDATE swaps SET agreed_by = requested_by, agreed_at = requested_at;

-- proposed_by_staff_id: set when A offered the swap from their phone (it is always A, the one
-- who gives); NULL when a manager recorded it, which is then agreed from the start.
ALTER TABLE swaps ADD COLUMN proposed_by_staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE
  CHECK (proposed_by_staff_id IS NULL OR proposed_by_staff_id = staff_a_id)
  CHECK (proposed_by_staff_id IS NOT NULL OR agreed_at IS NOT NULL)
  CHECK (status <> 'approved' OR agreed_at IS NOT NULL);

-- closed_by_staff_id: the member of staff who ended an offer without a manager: B declining it
-- (only before agreeing) or A withdrawing it. NULL while it is open and when a manager decided.
ALTER TABLE swaps ADD COLUMN closed_by_staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE
  CHECK (closed_by_staff_id IS NULL OR (status = 'declined' AND proposed_by_staff_id IS NOT NULL AND closed_by_staff_id IN (staff_a_id, staff_b_id)))
  CHECK (closed_by_staff_id IS NULL OR closed_by_staff_id = staff_a_id OR agreed_at IS NULL);

-- A member of staff's own swaps, on either side, for their phone page.
CREATE INDEX swaps_by_staff_a ON swaps(staff_a_id, status);
CREATE INDEX swaps_by_staff_b ON swaps(staff_b_id, status);
