-- A generate or re-plan as a job: stored, so one left running by a crash or restart is run again
-- when the service starts; one job per school runs at a time and the next waits its turn, which
-- its place in this table shows. The draft it makes is an ordinary draft rota (rota_id).
CREATE TABLE solve_jobs (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  -- why the draft is made: {"kind":"generate"} or {"kind":"replan","absenceId":...}
  origin TEXT NOT NULL,
  -- who asked, for the draft's audit entry
  actor TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  rota_id TEXT,
  -- why it failed, in the words the manager is shown
  error TEXT
);
CREATE INDEX solve_jobs_waiting ON solve_jobs(status, created_at);
CREATE INDEX solve_jobs_by_school ON solve_jobs(school_id, created_at);
