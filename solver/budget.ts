// The solver's work budget, counted in steps and never in time, so a rota depends only on its
// week and its budget, not on how busy the machine is. One step is one rule-gate question
// (RotaState.refuse); an LP costs its estimated dense-simplex work in the same unit (lpSteps).
// Every pass asks the budget before it starts more work; when it is spent the passes still to
// run are skipped and the rota as it stands is returned: every assignment in it went through
// the rule gate, so it keeps every hard rule, and `stats.stoppedEarly` says the search was cut.

export interface BudgetOptions {
  /**
   * Most steps the solve may take (default DEFAULT_STEPS): rule-gate questions plus the
   * estimated work of each LP. The largest week the service accepts finishes within the default.
   */
  budget?: number
  /**
   * Told where the solve stands: on entering each stage, and within a stage each time it has
   * spent another `progressEvery` steps (default PROGRESS_EVERY). Counted in steps like the
   * budget, never in time, so the same week reports the same progress on any machine.
   */
  onProgress?: (progress: SolveProgress) => void
  progressEvery?: number
}

/** Where a solve stands: the stage it is in and the steps used of its budget. */
export interface SolveProgress {
  stage: string
  steps: number
  budget: number
}

/** Steps between two progress reports within one stage. */
export const PROGRESS_EVERY = 10_000

/**
 * Enough for every bench week up to 2,000 staff to run every pass to its own end (the
 * 2,000-staff week takes about 2.5 million); a 2,000-staff crisis week with 9,540 cover
 * requests (the most the limits accept is 10,000) stops early inside it (bench/README.md).
 */
export const DEFAULT_STEPS = 12_000_000

/**
 * Steps charged for an LP of `rows` x `cols`: javascript-lp-solver's dense simplex pivots over
 * the whole table, about one pivot per row, so its work grows as rows x rows x cols. The
 * divisor makes one step of an LP roughly the time of one rule-gate question.
 */
export function lpSteps(rows: number, cols: number): number {
  return Math.ceil((rows * rows * cols) / 200)
}

export class Budget {
  private spent = 0
  /** Set once a pass wanted more than was left. */
  stoppedEarly = false
  /** The pass that first found the budget spent. */
  stoppedIn: string | undefined

  private stage: string | undefined
  private reportedAt = 0

  constructor(
    readonly limit: number,
    /** Rule-gate questions asked so far (they are counted where they are asked). */
    private readonly questions: () => number,
    private readonly progress: Pick<BudgetOptions, 'onProgress' | 'progressEvery'> = {},
  ) {}

  /** The solve is in `stage` now: reported on entering it, then every `progressEvery` steps. */
  at(stage: string): void {
    const report = this.progress.onProgress
    if (!report) return
    const steps = this.used()
    if (stage === this.stage && steps - this.reportedAt < (this.progress.progressEvery ?? PROGRESS_EVERY)) return
    this.stage = stage
    this.reportedAt = steps
    report({ stage, steps, budget: this.limit })
  }

  used(): number {
    return this.spent + this.questions()
  }

  left(): number {
    return Math.max(0, this.limit - this.used())
  }

  charge(steps: number): void {
    this.spent += steps
  }

  /** May `pass` start something that costs about `steps`? If not, the solve stops early there. */
  allows(pass: string, steps = 1): boolean {
    this.at(pass)
    if (this.used() + steps <= this.limit) return true
    this.stop(pass)
    return false
  }

  /** A pass's own cap on rule-gate questions, cut to what the budget has left. */
  cap(own: number): number {
    return Math.min(own, this.left())
  }

  /** After a pass: if it spent what was left, the solve stopped early in it. */
  settle(pass: string): void {
    if (this.used() >= this.limit) this.stop(pass)
  }

  private stop(pass: string): void {
    if (!this.stoppedEarly) this.stoppedIn = pass
    this.stoppedEarly = true
  }
}
