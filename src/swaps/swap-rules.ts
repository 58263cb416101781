// The rule gate for a swap: may each person take the assignment a swap hands them, given the
// rest of the published rota? It asks the solver's own gate (RotaState.refuse: grade, working
// hours, absence, double booking, rest break, seats and skills, weekly cap, additional hours),
// checks the manager's pins, and then, as a backstop written apart from both, the ten hard
// rules of checkRota on the whole week before and after. Every refusal names its rule.
// The same gate lists whom a member of staff may offer a duty to, so the phone page only
// offers what would be accepted.
import { expandWeek, occurrenceKey, type Week } from '../../solver/expand.js'
import { checkRota } from '../../solver/index.js'
import type { Rota, Scenario } from '../../solver/scenario.js'
import { RotaState } from '../../solver/state.js'
import { placedKey, rotaFile, type Placed, type StoredRota } from '../week/rotas.js'

/** A published assignment and the person (staff id) who takes it over. */
export interface Move {
  from: Placed
  to: string
}

/** A seat with places the published rota leaves empty; `start` in minutes after midnight. */
export interface EmptySeat extends Omit<Placed, 'staffId'> {
  name: string
  start: number
  places: number
}

export interface RuleBreak {
  /** 1-10 as shared/scenario-format.md numbers the hard rules */
  rule: number
  message: string
}

/** The hard rules by number, in words a member of staff understands. */
export const RULE_NAMES: Readonly<Record<number, string>> = {
  1: 'the work must run then',
  2: 'working hours',
  3: 'absence',
  4: 'grade',
  5: 'no double booking',
  6: 'rest break',
  7: 'people and skills needed',
  8: 'weekly duty limit',
  9: 'additional hours',
  10: 'pinned by a manager',
}

/** "Ben Ortiz is on Yard (break) at the same time (rule 5, no double booking)" */
export function describeBreak(b: RuleBreak): string {
  return `${b.message} (rule ${b.rule}, ${RULE_NAMES[b.rule] ?? 'a hard rule'})`
}

/** The published assignments once the moves are made. */
export function applyMoves(published: readonly Placed[], moves: readonly Move[]): Placed[] {
  const moved = new Set(moves.map((m) => placedKey(m.from)))
  return [...published.filter((a) => !moved.has(placedKey(a))), ...moves.map((m) => ({ ...m.from, staffId: m.to }))]
}

/** checkRota's messages name assignments by position, which a swap changes; name them by what they are. */
function ruleProblems(scenario: Scenario, rota: Rota): RuleBreak[] {
  return checkRota(scenario, rota)
    .filter((p) => p.rule > 0)
    .map((p) => ({
      rule: p.rule,
      message: p.message.replace(/assignments\[(\d+)\]/g, (whole, i: string) => {
        const a = rota.assignments[Number(i)]
        return a ? `${a.staff} on ${a.duty} ${a.date}${a.slot ? ` ${a.slot}` : ''}` : whole
      }),
    }))
}

export class SwapGate {
  private readonly week: Week
  private readonly state: RotaState

  /** `codeOf`: staff id to the code the scenario knows them by */
  constructor(
    private readonly scenario: Scenario,
    private readonly published: StoredRota,
    private readonly codeOf: ReadonlyMap<string, string>,
  ) {
    this.week = expandWeek(scenario)
    this.state = new RotaState(this.week)
    for (const a of published.assignments) {
      const at = this.place(a)
      if (at) this.state.add(at.person, at.occurrence)
    }
  }

  private person(staffId: string): number | undefined {
    const code = this.codeOf.get(staffId)
    return code === undefined ? undefined : this.week.staffIndex.get(code)
  }

  private place(a: Placed): { person: number; occurrence: number } | undefined {
    const person = this.person(a.staffId)
    const occurrence = this.week.occurrenceByKey.get(occurrenceKey(a.work, a.date, a.slot ?? undefined))?.index
    return person === undefined || occurrence === undefined ? undefined : { person, occurrence }
  }

  /**
   * The solver's gate alone: each taker may take what they are handed once the givers are off
   * it. Fast enough to ask for every colleague; the rota is left as it was.
   */
  private quickRefusal(moves: readonly Move[]): RuleBreak | null {
    const undo: (() => void)[] = []
    try {
      for (const m of moves) {
        const at = this.place(m.from)
        if (!at || !this.state.has(at.person, at.occurrence))
          return { rule: 1, message: `${m.from.work} on ${m.from.date} is not in the published rota as it runs this week` }
        this.state.remove(at.person, at.occurrence)
        undo.push(() => this.state.add(at.person, at.occurrence))
      }
      for (const m of moves) {
        const person = this.person(m.to)
        const occurrence = this.place(m.from)?.occurrence
        if (person === undefined || occurrence === undefined) return { rule: 1, message: 'no such person in this week' }
        const refusal = this.state.refuse(person, occurrence)
        if (refusal) return { rule: refusal.rule, message: refusal.message }
        this.state.add(person, occurrence)
        undo.push(() => this.state.remove(person, occurrence))
      }
      return null
    } finally {
      for (const u of undo.reverse()) u()
    }
  }

  /** A manager pinned this assignment to its holder: it stays with them. */
  isPinned(a: Placed): boolean {
    const code = this.codeOf.get(a.staffId) ?? a.staffId
    return (this.scenario.pins ?? []).some((p) => p.staff === code && p.duty === a.work && p.date === a.date && (p.slot ?? null) === a.slot)
  }

  private pinned(moves: readonly Move[]): RuleBreak | null {
    const held = moves.find((m) => this.isPinned(m.from))
    if (!held) return null
    const code = this.codeOf.get(held.from.staffId) ?? held.from.staffId
    const name = this.scenario.staff.find((s) => s.id === code)?.name ?? code
    return { rule: 10, message: `a manager has pinned ${held.from.work} on ${held.from.date} to ${name}` }
  }

  /** Why the moves would break a hard rule that the published rota keeps; null when they would not. */
  refuse(moves: readonly Move[]): RuleBreak | null {
    const quick = this.quickRefusal(moves) ?? this.pinned(moves)
    if (quick) return quick
    const problems = (assignments: Placed[]) => ruleProblems(this.scenario, rotaFile({ ...this.published, assignments }, this.codeOf))
    const before = new Set(problems(this.published.assignments).map((p) => `${p.rule} ${p.message}`))
    return problems(applyMoves(this.published.assignments, moves)).find((p) => !before.has(`${p.rule} ${p.message}`)) ?? null
  }

  /**
   * Why `staffId` may not take one more place in `seat` (an empty seat of the published rota):
   * the solver's gate first, then the ten rules on the whole week with the place added. Open
   * cover asks this of everyone an offer could go to, and again when one of them accepts.
   */
  refuseTaking(seat: Omit<Placed, 'staffId'>, staffId: string): RuleBreak | null {
    const quick = this.quickTakingRefusal(seat, staffId)
    if (quick) return quick
    const problems = (assignments: Placed[]) => ruleProblems(this.scenario, rotaFile({ ...this.published, assignments }, this.codeOf))
    const before = new Set(problems(this.published.assignments).map((p) => `${p.rule} ${p.message}`))
    return problems([...this.published.assignments, { ...seat, staffId }]).find((p) => p.rule > 0 && !before.has(`${p.rule} ${p.message}`)) ?? null
  }

  /** The solver's gate alone, fast enough to ask of the whole staff for a count. */
  quickTakingRefusal(seat: Omit<Placed, 'staffId'>, staffId: string): RuleBreak | null {
    const person = this.person(staffId)
    const occurrence = this.place({ ...seat, staffId })?.occurrence
    if (person === undefined || occurrence === undefined) return { rule: 1, message: 'no such person or seat in this week' }
    const refusal = this.state.refuse(person, occurrence)
    return refusal ? { rule: refusal.rule, message: refusal.message } : null
  }

  /**
   * Seats of the week as it now runs with places the published rota leaves empty: the ones it
   * could not fill, and the ones added since (a cover request at 07:30) that it never planned.
   */
  emptySeats(): EmptySeat[] {
    return this.week.occurrences
      .filter((o) => this.state.filled(o.index) < o.seats)
      .map((o) => ({ work: o.work, date: o.date, slot: o.slot ?? null, name: o.name, start: o.start, places: o.seats - this.state.filled(o.index) }))
  }

  /** What the seat is called and when it starts, as the week runs now; undefined if it no longer runs. */
  seatOf(seat: Omit<Placed, 'staffId'>): { name: string; start: number } | undefined {
    const o = this.week.occurrenceByKey.get(occurrenceKey(seat.work, seat.date, seat.slot ?? undefined))
    return o ? { name: o.name, start: o.start } : undefined
  }

  /** Staff ids the solver's gate lets take one more place in `seat`. */
  seatTakers(seat: Omit<Placed, 'staffId'>): string[] {
    return [...this.codeOf.keys()].filter((id) => this.person(id) !== undefined && this.quickTakingRefusal(seat, id) === null)
  }

  /** The colleagues (staff ids) who could take `give` off its holder's hands; none when it is pinned. */
  takers(give: Placed): string[] {
    if (this.isPinned(give)) return []
    return [...this.codeOf.keys()].filter((id) => id !== give.staffId && this.person(id) !== undefined && this.quickRefusal([{ from: give, to: id }]) === null)
  }

  /** Of `colleague`'s assignments in `candidates`, those the giver could take in exchange for `give`. */
  exchanges(give: Placed, colleague: string, candidates: readonly Placed[]): Placed[] {
    return candidates.filter(
      (back) =>
        back.staffId === colleague &&
        !this.isPinned(back) &&
        this.quickRefusal([
          { from: give, to: colleague },
          { from: back, to: give.staffId },
        ]) === null,
    )
  }
}
