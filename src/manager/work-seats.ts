// Where each cover request or event of a week stands in the rota the week page shows (the draft
// under review, else the published one): who fills its seats, or why they are empty, in the
// manager's words. Read from the same week model the grid is drawn from, so the Cover and Events
// pages can never say a seat is filled that the week page shows empty.
import type { Scenario } from '../../solver/scenario.js'
import { groupUnfilled } from './unfilled-groups.js'
import type { RowSection } from './week-model.js'
import type { NoWeek, WeekData } from './week-pages.js'

export type SeatState =
  | { kind: 'not-generated' }
  /** the week has no rota to plan: not set up, or no school day (the reason says which) */
  | { kind: 'no-week'; reason: string }
  | { kind: 'closed' }
  | { kind: 'filled'; people: string[] }
  | { kind: 'unfilled'; people: string[]; missing: number; why: string }
  /** the rota was made before this request (or this change to it): generate again */
  | { kind: 'not-planned'; people: string[] }

/** What a page says of a week's rota before listing its seats. */
export interface WeekRotaState {
  /** 'none': not generated; absent when the week has no rota to plan */
  showing?: 'draft' | 'published' | 'none'
  noWeek?: string
  /** the week's version, for a Generate again button */
  version: number
  data?: WeekData
}

export const rotaStateOf = (data: WeekData | NoWeek): WeekRotaState =>
  'model' in data
    ? { showing: data.status.showing, version: data.status.version, data }
    : { noWeek: 'notReady' in data ? data.notReady : data.noSchoolDay, version: 0 }

function whyEmpty(scenario: Scenario, work: string, date: string, missing: number): string {
  return groupUnfilled(scenario, [{ work, date, missing }])[0]?.why ?? 'nobody could take it'
}

/** Where the seats of one cover request or event (its code and date) stand in the week's rota. */
export function seatStateOf(state: WeekRotaState, section: Exclude<RowSection, 'duty'>, work: string, date: string): SeatState {
  const data = state.data
  if (!data) return { kind: 'no-week', reason: state.noWeek ?? '' }
  if (data.model.days.find((d) => d.date === date)?.closed) return { kind: 'closed' }
  const cell = data.model.posts.find((p) => p.section === section && p.work === work)?.cells.find((c) => c.date === date && c.runs)
  if (!cell || state.showing === 'none') return { kind: 'not-generated' }
  const people = cell.people.map((p) => p.name)
  if (cell.unplanned > 0) return { kind: 'not-planned', people }
  if (cell.missing > 0) return { kind: 'unfilled', people, missing: cell.missing, why: whyEmpty(data.scenario, work, date, cell.missing) }
  return { kind: 'filled', people }
}
