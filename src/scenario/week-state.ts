// The shape of one school week as read from the database (loadWeek in load.ts): typed rows with
// their JSON columns parsed. Export turns it into a scenario; the import compares a file with it.
import type { AbsenceReason } from '../../db/schema.js'
import type { ApprovedMark } from '../leave/unavailable-days.js'
import type { SupplyWeek } from '../supply/supply.js'
import type { DutyKind, Weekday, WorkKind } from '../../solver/scenario.js'
import type { Pattern } from './columns.js'
import type { WeekRange } from './week-dates.js'

export interface SchoolState {
  id: string
  name: string
  timezone: string
  fullTimeHours: number
  version: number
}

export interface SlotState {
  id: string
  code: string
  kind: 'lesson' | 'break' | 'lunch' | 'other'
  start: string
  end: string
  days: Weekday[] | null
  position: number
}

export interface GradeState {
  id: string
  code: string
  name: string
  dutyKinds: WorkKind[]
}

export interface SkillState {
  skill: string
  expiresOn: string | null
}

/**
 * The extension key a commitment's needs-cover mark travels under in a scenario file: the format
 * has no field for it, and keeps and ignores `x-` keys, so readers and the solver pass it by.
 */
export const NEEDS_COVER_KEY = 'x-needs-cover'

export interface CommitmentState {
  id: string
  day: Weekday
  start: string
  end: string
  label: string | null
  /** a lesson or session someone else takes when the person is away (absence-cover.ts) */
  needsCover: boolean
}

export interface StaffState {
  id: string
  code: string
  name: string
  gradeId: string
  gradeCode: string
  hoursPerWeek: number
  pattern: Pattern
  unpaidBreakMinutes: number
  additionalHoursAllowance: number
  maxDutiesPerWeek: number | null
  avoid: string[]
  prefer: string[]
  skills: SkillState[]
  commitments: CommitmentState[]
  /** Duty and cover assignments this term before the week (balance + published ledger). */
  dutiesThisTerm: number
  /** Event hours in published rotas this school year before the week. */
  additionalHoursUsed: number
}

export interface DutyState {
  id: string
  code: string
  name: string
  kind: DutyKind
  days: Weekday[]
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
  /** Slot codes in the post's order. */
  slotCodes: string[]
}

export interface AbsenceState {
  id: string
  staffId: string
  startDate: string
  endDate: string | null
  startTime: string | null
  endTime: string | null
  reason: AbsenceReason | null
}

export interface CoverState {
  id: string
  code: string
  date: string
  slotId: string
  slotCode: string
  label: string | null
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
}

export interface EventState {
  id: string
  code: string
  name: string
  date: string
  start: string
  end: string
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
}

export interface ClosureState {
  id: string
  date: string
  kind: 'inset' | 'bank_holiday' | 'other'
  name: string
}

export interface PlacedWork {
  staffId: string
  workCode: string
  date: string
  slotCode: string | null
}

export interface PinState extends PlacedWork {
  id: string
}

export interface PublishedRota {
  id: string
  version: number
  assignments: PlacedWork[]
}

export interface WeekState {
  school: SchoolState
  range: WeekRange
  slots: SlotState[]
  grades: GradeState[]
  staff: StaffState[]
  duties: DutyState[]
  /** Absences with at least one day in the week, open-ended ones included. */
  absences: AbsenceState[]
  /** Approved unavailability that can touch the week: every weekly mark, the dated ones in it. */
  unavailable: ApprovedMark[]
  /** Supply people, their checks and their bookings in the week: they work only the days booked. */
  supply: SupplyWeek
  cover: CoverState[]
  events: EventState[]
  closures: ClosureState[]
  pins: PinState[]
  published: PublishedRota | undefined
  /** Highest rota version for the week (0 when none), so a new rota gets the next one. */
  latestRotaVersion: number
}
