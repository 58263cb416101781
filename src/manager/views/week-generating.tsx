// A generate of this week that is queued or solving: where it stands, in words, with Cancel
// while it can still be stopped. The page reloads itself (a meta refresh, no script) until it
// ends. Progress is the solver's own count: steps used of the step budget, and the stage; most
// weeks finish well inside their budget, so the share is how much of the most it may take.
import type { FC } from 'hono/jsx'
import type { SolveProgress } from '../../../solver/budget.js'
import type { SolveJob } from '../../jobs/jobs.js'
import { PostForm } from '../../ui/form-fields.js'
import type { ManagerPaths } from './paths.js'

const place = (ahead: number) => (ahead === 1 ? 'One generate of this school runs before it.' : `${ahead} generates of this school run before it.`)

const share = (p: SolveProgress) => {
  const percent = Math.floor((100 * p.steps) / Math.max(1, p.budget))
  return percent < 1 ? 'under 1 %' : `about ${percent} %`
}

const Progress: FC<{ progress: SolveProgress }> = ({ progress }) => (
  <p>
    Stage: {progress.stage}; {share(progress)} of its work budget used ({progress.steps.toLocaleString('en-GB')} of {progress.budget.toLocaleString('en-GB')}{' '}
    steps). <progress max={progress.budget} value={progress.steps} aria-label="Work budget used" />
  </p>
)

export const GeneratingNotice: FC<{ job: SolveJob; paths: ManagerPaths; monday: string; stoppable: boolean }> = ({ job, paths, monday, stoppable }) => (
  <section class="notice" aria-labelledby="generating-title" role="status">
    <h2 id="generating-title">{job.status === 'running' ? 'Generating the week now' : 'The week is waiting to be generated'}</h2>
    <p>
      {job.status === 'running' ? 'A big week takes a little while. ' : job.ahead > 0 ? `${place(job.ahead)} ` : 'It starts in a moment. '}
      This page updates itself; the draft shows here when it is ready.
    </p>
    {job.status === 'running' && job.progress ? <Progress progress={job.progress} /> : null}
    {job.status === 'queued' || stoppable ? (
      <PostForm action={paths.cancelJob(monday, job.id)}>
        <button type="submit">Cancel this generate</button>
      </PostForm>
    ) : null}
  </section>
)
