// Who solves next: at most one solve per school at a time (a second generate of the same week
// waits for the first rather than racing it), and at most `slots` in all, so one school's big
// week takes one thread while other schools' solves go on in the others. First come, first
// served among schools that are free.

interface Waiting {
  schoolId: string
  start: () => void
}

export class SchoolQueue {
  private readonly busy = new Set<string>()
  private readonly waiting: Waiting[] = []

  constructor(private readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`a queue needs at least one slot, got ${slots}`)
  }

  /** Runs `task` when the school is free and a slot is; resolves or rejects as the task does. */
  run<T>(schoolId: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy.add(schoolId)
        task()
          .then(resolve, reject)
          .finally(() => {
            this.busy.delete(schoolId)
            this.next()
          })
      }
      this.waiting.push({ schoolId, start })
      this.next()
    })
  }

  /** Solves that would run before a new one of this school: its own waiting and running ones. */
  queued(schoolId: string): number {
    return this.waiting.filter((w) => w.schoolId === schoolId).length + (this.busy.has(schoolId) ? 1 : 0)
  }

  private next(): void {
    while (this.busy.size < this.slots) {
      const i = this.waiting.findIndex((w) => !this.busy.has(w.schoolId))
      const found = this.waiting[i]
      if (!found) return
      this.waiting.splice(i, 1)
      found.start()
    }
  }
}
