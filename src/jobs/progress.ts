// A running job's progress, stored in its row as the solver reports it (every so many steps,
// solver/budget.ts), for GET job and the week page to read.
import type { Store } from '../../db/store.js'
import type { SolveProgress } from '../../solver/budget.js'

/**
 * Stores a running job's progress as reports come, one write at a time: a report that comes
 * while one is being written replaces any still waiting, so a fast solve never queues writes.
 */
export function progressWriter(store: Store, id: string): { report: (p: SolveProgress) => void; close: () => Promise<void> } {
  let latest: SolveProgress | undefined
  let writing: Promise<void> | undefined
  let closed = false
  const flush = async () => {
    for (let p = latest; p && !closed; p = latest) {
      latest = undefined
      await store.db
        .updateTable('solve_jobs')
        .set({ progress: JSON.stringify(p) })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute()
    }
    writing = undefined
  }
  return {
    report: (p) => {
      if (closed) return
      latest = p
      writing ??= flush()
    },
    close: async () => {
      closed = true
      await writing
    },
  }
}
