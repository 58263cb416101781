// A generate of this week that is queued or solving: where it stands, in words, with Cancel
// while it has not started. The page reloads itself (a meta refresh, no script) until it ends.
import type { FC } from 'hono/jsx'
import type { SolveJob } from '../../jobs/jobs.js'
import { PostForm } from '../../ui/form-fields.js'
import type { ManagerPaths } from './paths.js'

const place = (ahead: number) => (ahead === 1 ? 'One generate of this school runs before it.' : `${ahead} generates of this school run before it.`)

export const GeneratingNotice: FC<{ job: SolveJob; paths: ManagerPaths; monday: string }> = ({ job, paths, monday }) => (
  <section class="notice" aria-labelledby="generating-title" role="status">
    <h2 id="generating-title">{job.status === 'running' ? 'Generating the week now' : 'The week is waiting to be generated'}</h2>
    <p>
      {job.status === 'running' ? 'A big week takes a little while. ' : job.ahead > 0 ? `${place(job.ahead)} ` : 'It starts in a moment. '}
      This page updates itself; the draft shows here when it is ready.
    </p>
    {job.status === 'queued' ? (
      <PostForm action={paths.cancelJob(monday, job.id)}>
        <button type="submit">Cancel this generate</button>
      </PostForm>
    ) : null}
  </section>
)
