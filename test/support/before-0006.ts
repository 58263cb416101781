// A school's cover requests, events and rota as a database held them before migration 0006
// (codes unique per school), for the tests that migrate it on SQLite and on D1.

/** SQL run on a database migrated up to 0005: one school, two cover requests (one linked to an absence), an event and a published rota using them. */
export const BEFORE_0006_ROWS = `
INSERT INTO organisations (id, name, created_at) VALUES ('org', 'Oak Trust', '2026-09-01T00:00:00Z');
INSERT INTO schools (id, organisation_id, name, created_at, updated_at) VALUES ('sch', 'org', 'Oak Primary', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');
INSERT INTO slots (id, school_id, code, kind, start_time, end_time) VALUES ('slo_p1', 'sch', 'p1', 'lesson', '09:00', '10:00');
INSERT INTO grades (id, school_id, code, name, duty_kinds) VALUES ('gra', 'sch', 'TA', 'Teaching assistant', '["cover","event"]');
INSERT INTO staff (id, school_id, code, name, grade_id, hours_per_week, pattern) VALUES ('stf_ann', 'sch', 'ann', 'Ann', 'gra', 30, '{}');
INSERT INTO absences (id, school_id, staff_id, start_date, created_at) VALUES ('abs_1', 'sch', 'stf_ann', '2026-11-24', '2026-11-20T08:00:00Z');
INSERT INTO cover_requests (id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version)
  VALUES ('cov_1', 'sch', 'c1', '2026-11-24', 'slo_p1', '9X Maths', 2, '{"first-aid":1}', 2, 'abs_1', 3),
         ('cov_2', 'sch', 'c2', '2026-11-29', 'slo_p1', NULL, 1, '{}', 3, NULL, 1);
INSERT INTO events (id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version)
  VALUES ('evt_1', 'sch', 'parents-eve', 'Parents'' evening', '2026-11-25', '16:00', '19:00', 4, '{}', 1, 2);
INSERT INTO rotas (id, school_id, week, status, created_at, published_at) VALUES ('rot_1', 'sch', '2026-11-23', 'published', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z');
INSERT INTO rota_assignments (id, rota_id, staff_id, work_code, date, slot_code)
  VALUES ('ras_1', 'rot_1', 'stf_ann', 'c1', '2026-11-24', 'p1'), ('ras_2', 'rot_1', 'stf_ann', 'parents-eve', '2026-11-25', NULL);
`

/** What 0006 must keep as it was: every column of the rebuilt tables, and the rota that names their codes. */
export const KEPT_BY_0006 = [
  'SELECT id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version FROM cover_requests ORDER BY id',
  'SELECT id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version FROM events ORDER BY id',
  'SELECT * FROM rota_assignments ORDER BY id',
]

/** The week 0006 gives each row: the Monday of its date (a Sunday belongs to the week before). */
export const WEEKS_AFTER_0006 = {
  query: 'SELECT id, week FROM cover_requests UNION ALL SELECT id, week FROM events ORDER BY id',
  rows: [
    { id: 'cov_1', week: '2026-11-23' },
    { id: 'cov_2', week: '2026-11-23' },
    { id: 'evt_1', week: '2026-11-23' },
  ],
}
