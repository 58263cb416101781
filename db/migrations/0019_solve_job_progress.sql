-- Where a running job's solve stands, as the solver counts it (steps used of its budget, and
-- the stage), for the week page and GET job: JSON {"stage":...,"steps":...,"budget":...}.
-- Written while the job runs, every so many steps; null until the first report.
ALTER TABLE solve_jobs ADD COLUMN progress TEXT;
