// Runs stored jobs in this process: whenever a job is added or ends, the oldest queued job of
// every school with none running is started. A request that wants its draft waits for its job
// here. One dispatcher per process; the database says what is queued, so a restart loses nothing.
// A running job can be stopped here (cancel) until its solve has answered: after that its draft
// is being stored and the cancel comes too late.
import type { Deps, JobQueue } from '../platform/deps.js'
import type { WeekDraft } from '../week/generate.js'
import { resumeJobs, runJob, startableJobs } from './jobs.js'

type Settle = { resolve: (draft: WeekDraft | undefined) => void; reject: (err: unknown) => void }

export class JobDispatcher implements JobQueue {
  /** a worker thread is ended to stop its solve */
  readonly stopsRunning = true
  private readonly started = new Set<string>()
  private readonly waiting = new Map<string, Settle[]>()
  /** Jobs whose solve is still stoppable, by id. */
  private readonly stoppable = new Map<string, AbortController>()
  private scanning: Promise<void> | undefined
  private scanAgain = false

  /** staff at or above which a week is left to the background; unset, WAIT_FOR_JOBS_UP_TO_STAFF */
  readonly backgroundFromStaff: number | undefined

  constructor(
    private readonly deps: Deps,
    options: { backgroundFromStaff?: number | undefined } = {},
  ) {
    this.backgroundFromStaff = options.backgroundFromStaff
  }

  /** Queues again what a previous process left running, then starts what may start. */
  async resume(): Promise<number> {
    const resumed = await resumeJobs(this.deps)
    this.kick()
    return resumed
  }

  /** The job is stored already: it starts once its school's earlier jobs have ended. */
  async start(_id: string): Promise<void> {
    this.kick()
  }

  kick(): void {
    if (this.scanning) {
      this.scanAgain = true
      return
    }
    this.scanning = this.scan().finally(() => {
      this.scanning = undefined
      if (this.scanAgain) {
        this.scanAgain = false
        this.kick()
      }
    })
  }

  /** The draft of a job once it has run; undefined if it ended without one (cancelled). */
  wait(id: string): Promise<WeekDraft | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), { resolve, reject }])
      this.kick()
    })
  }

  /** Resolves when nothing is running or startable: for tests and a clean shutdown. */
  async idle(): Promise<void> {
    while (this.scanning || this.started.size > 0) await new Promise((r) => setTimeout(r, 5))
  }

  private async scan(): Promise<void> {
    for (const id of await startableJobs(this.deps.store)) {
      if (this.started.has(id)) continue
      this.started.add(id)
      const stop = new AbortController()
      this.stoppable.set(id, stop)
      runJob(this.deps, id, { signal: stop.signal, onSolved: () => this.stoppable.delete(id) }).then(
        (draft) => this.end(id, (s) => s.resolve(draft)),
        (err: unknown) => this.end(id, (s) => s.reject(err)),
      )
    }
    // A job cancelled while queued never runs: tell anyone waiting for it.
    for (const id of this.waiting.keys()) {
      if (this.started.has(id)) continue
      const row = await this.deps.store.db.selectFrom('solve_jobs').select('status').where('id', '=', id).executeTakeFirst()
      if (!row || row.status === 'cancelled' || row.status === 'done' || row.status === 'failed') this.end(id, (s) => s.resolve(undefined))
    }
  }

  cancel(id: string): boolean {
    const stop = this.stoppable.get(id)
    if (!stop) return false
    this.stoppable.delete(id)
    stop.abort(new Error('the generate was cancelled'))
    return true
  }

  private end(id: string, settle: (s: Settle) => void): void {
    this.started.delete(id)
    this.stoppable.delete(id)
    for (const s of this.waiting.get(id) ?? []) settle(s)
    this.waiting.delete(id)
    this.kick()
  }
}
