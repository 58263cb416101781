// Table types for Kysely, mirroring db/migrations (the SQL files are the source of truth).
// JSON columns are plain strings here; db/json.ts-style helpers at the repository edge parse
// them so no untyped JSON travels further.
import type { Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely'

export interface OrganisationsTable {
  id: string
  name: string
  version: Generated<number>
  created_at: string
}

export interface SchoolsTable {
  id: string
  organisation_id: string
  name: string
  timezone: Generated<string>
  full_time_hours: Generated<number>
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface SlotsTable {
  id: string
  school_id: string
  code: string
  kind: 'lesson' | 'break' | 'lunch' | 'other'
  start_time: string
  end_time: string
  /** JSON array of weekdays, or null for every day */
  days: string | null
  position: Generated<number>
  version: Generated<number>
}

export interface CalendarPeriodsTable {
  id: string
  school_id: string
  kind: 'term' | 'half_term'
  name: string
  start_date: string
  end_date: string
  version: Generated<number>
}

export interface ClosuresTable {
  id: string
  school_id: string
  date: string
  kind: 'inset' | 'bank_holiday' | 'other'
  name: string
  version: Generated<number>
}

export interface GradesTable {
  id: string
  school_id: string
  code: string
  name: string
  /** JSON array of work kinds */
  duty_kinds: string
  /** pence an hour, for the additional hours its holders are paid; null when not set (0022) */
  hourly_rate_pence: Generated<number | null>
  version: Generated<number>
}

export interface StaffTable {
  id: string
  school_id: string
  code: string
  name: string
  grade_id: string
  hours_per_week: number
  /** JSON object weekday -> { start, end } */
  pattern: string
  unpaid_break_minutes: Generated<number>
  additional_hours_allowance: Generated<number>
  max_duties_per_week: number | null
  /** JSON array of duty post codes */
  avoid: Generated<string>
  /** JSON array of duty post codes */
  prefer: Generated<string>
  email: string | null
  version: Generated<number>
}

export interface StaffSkillsTable {
  staff_id: string
  skill: string
  expires_on: string | null
}

export interface CommitmentsTable {
  id: string
  staff_id: string
  day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
  start_time: string
  end_time: string
  label: string | null
  /** 1: an absence over it makes its cover request (0018) */
  needs_cover: Generated<number>
}

export interface DutyBalancesTable {
  staff_id: string
  as_of: string
  duties: number
}

export interface DutyPostsTable {
  id: string
  school_id: string
  code: string
  name: string
  kind: 'break' | 'lunch' | 'oncall' | 'other'
  /** JSON array of weekdays */
  days: string
  people_needed: number
  /** JSON object skill -> count */
  skill_seats: Generated<string>
  priority: Generated<number>
  version: Generated<number>
  /** the post this one replaces on wet days (same school), or null for a post that runs whatever the weather */
  wet_weather_for: Generated<string | null>
}

/** A day a school switched to wet weather: its posts' wet-weather alternatives run that day. */
export interface WetDaysTable {
  school_id: string
  date: string
  marked_at: string
  marked_by: string | null
}

export interface DutyPostSlotsTable {
  duty_post_id: string
  slot_id: string
  position: Generated<number>
}

export type AbsenceReason = 'sickness' | 'medical' | 'family' | 'training' | 'trip' | 'compassionate' | 'other'

export interface AbsencesTable {
  id: string
  school_id: string
  staff_id: string
  start_date: string
  end_date: string | null
  start_time: string | null
  end_time: string | null
  reason: AbsenceReason | null
  version: Generated<number>
  created_at: string
}

export interface AbsenceDetailsTable {
  absence_id: string
  detail: string
}

export interface CoverRequestsTable {
  id: string
  school_id: string
  code: string
  date: string
  /** the Monday of `date`, computed by the database; codes are unique per (school, week) */
  week: GeneratedAlways<string>
  slot_id: string
  label: string | null
  people_needed: Generated<number>
  skill_seats: Generated<string>
  priority: Generated<number>
  absence_id: string | null
  /** the absence that made this request from a commitment needing cover; null if made by hand */
  made_by_absence: Generated<string | null>
  version: Generated<number>
}

export interface EventsTable {
  id: string
  school_id: string
  code: string
  name: string
  date: string
  /** the Monday of `date`, computed by the database; codes are unique per (school, week) */
  week: GeneratedAlways<string>
  start_time: string
  end_time: string
  people_needed: Generated<number>
  skill_seats: Generated<string>
  priority: Generated<number>
  version: Generated<number>
}

export interface RotasTable {
  id: string
  school_id: string
  week: string
  version: Generated<number>
  status: 'draft' | 'published' | 'superseded'
  stats: Generated<string>
  created_at: string
  published_at: string | null
}

export interface RotaAssignmentsTable {
  id: string
  rota_id: string
  staff_id: string
  work_code: string
  date: string
  slot_code: string | null
}

export interface RotaUnfilledTable {
  rota_id: string
  work_code: string
  date: string
  slot_code: string | null
  missing: number
  reason: string
}

export interface WeekOverridesTable {
  id: string
  school_id: string
  week: string
  kind: 'pin' | 'bar'
  staff_id: string
  work_code: string
  date: string
  slot_code: string | null
  created_at: string
}

export interface AuditLogTable {
  id: string
  school_id: string | null
  actor: string
  action: string
  entity: string
  entity_id: string | null
  before: string | null
  after: string | null
  at: string
}

/** Per school, bumped by triggers whenever something /me or a feed shows changes (0009). */
export interface ViewEpochsTable {
  school_id: string
  epoch: Generated<number>
}

/** A stored /me page or feed text, good while its epoch is the school's and its day is today. */
export interface ReadViewsTable {
  school_id: string
  key: string
  epoch: number
  today: string
  variant: string
  etag: string
  modified: string | null
  body: string
}

export interface Database {
  organisations: OrganisationsTable
  schools: SchoolsTable
  slots: SlotsTable
  calendar_periods: CalendarPeriodsTable
  closures: ClosuresTable
  grades: GradesTable
  staff: StaffTable
  staff_skills: StaffSkillsTable
  commitments: CommitmentsTable
  duty_balances: DutyBalancesTable
  duty_posts: DutyPostsTable
  duty_post_slots: DutyPostSlotsTable
  wet_days: WetDaysTable
  absences: AbsencesTable
  absence_details: AbsenceDetailsTable
  cover_requests: CoverRequestsTable
  events: EventsTable
  rotas: RotasTable
  rota_assignments: RotaAssignmentsTable
  rota_unfilled: RotaUnfilledTable
  week_overrides: WeekOverridesTable
  audit_log: AuditLogTable
  users: UsersTable
  memberships: MembershipsTable
  signin_links: SigninLinksTable
  staff_links: StaffLinksTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  signin_attempts: SigninAttemptsTable
  swaps: SwapsTable
}

export type School = Selectable<SchoolsTable>
export type NewSchool = Insertable<SchoolsTable>
export type SchoolUpdate = Updateable<SchoolsTable>
export type StaffRow = Selectable<StaffTable>
export type NewStaffRow = Insertable<StaffTable>

// Sign-in, roles and credentials (db/migrations/0002_auth.sql). Every *_hash column holds the
// SHA-256 hex digest of a random token; the token itself is never stored.

export type Role = 'trust_admin' | 'manager' | 'staff'

export interface UsersTable {
  id: string
  /** lower-cased */
  email: string
  name: string
  created_at: string
}

export interface MembershipsTable {
  id: string
  user_id: string
  role: Role
  organisation_id: string | null
  school_id: string | null
  staff_id: string | null
  created_at: string
}

export interface SigninLinksTable {
  id: string
  user_id: string
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface StaffLinksTable {
  id: string
  school_id: string
  staff_id: string
  token_hash: string
  created_by: string
  created_at: string
  revoked_at: string | null
}

export interface SessionsTable {
  id: string
  token_hash: string
  kind: 'user' | 'staff'
  user_id: string | null
  school_id: string | null
  staff_id: string | null
  staff_link_id: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface ApiTokensTable {
  id: string
  school_id: string
  token_hash: string
  name: string
  created_by: string
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface SigninAttemptsTable {
  key: string
  window_start: string
  count: number
}

// Calendar feeds and the staff phone page (db/migrations/0004_calendar.sql).

export type FeedScope = 'person' | 'duty_post' | 'school'

export interface FeedTokensTable {
  id: string
  school_id: string
  scope: FeedScope
  staff_id: string | null
  duty_post_id: string | null
  user_id: string | null
  /** SHA-256 hex digest of the token in the feed URL */
  token_hash: string
  created_by: string
  created_at: string
  revoked_at: string | null
}

export type CalendarEntryKind = 'break' | 'lunch' | 'oncall' | 'other' | 'cover' | 'event'
export type CalendarChange = 'added' | 'updated' | 'removed'

export interface CalendarEntriesTable {
  uid: string
  school_id: string
  week: string
  staff_id: string
  work_code: string
  date: string
  /** '' for an event (no slot), so that the natural key stays unique */
  slot_code: string
  kind: CalendarEntryKind
  duty_post_id: string | null
  title: string
  location: string | null
  start_time: string
  end_time: string
  starts_at: string
  ends_at: string
  /** JSON array of names */
  colleagues: Generated<string>
  sequence: Generated<number>
  change: CalendarChange
  /** the calendar_publishes row that last wrote it */
  record_id: string
  /** the calendar_publishes row whose publish last changed it */
  changed_in: string
  /** the calendar_publishes row that last gave it or changed when, where or what it is: the change a "Seen" is for (0016) */
  asks_seen_in: string
  created_at: string
  changed_at: string
  removed_at: string | null
}

export interface CalendarPublishesTable {
  id: string
  school_id: string
  week: string
  rota_id: string
  /** 1 for the week's first publish, then 2, 3... */
  ordinal: number
  published_at: string
}

// Merged into Database above (interface declaration merging), so this section stays appended.
export interface Database {
  feed_tokens: FeedTokensTable
  calendar_entries: CalendarEntriesTable
  calendar_publishes: CalendarPublishesTable
  view_epochs: ViewEpochsTable
  read_views: ReadViewsTable
}

// The weekly loop (db/migrations/0003_week.sql).

export interface SwapsTable {
  id: string
  school_id: string
  week: string
  status: 'requested' | 'approved' | 'declined'
  staff_a_id: string
  a_work_code: string
  a_date: string
  a_slot_code: string | null
  staff_b_id: string
  /** null: a one-way handover of A's assignment */
  b_work_code: string | null
  b_date: string | null
  b_slot_code: string | null
  /** whom the fairness ledger counts A's former assignment for; set on approval */
  a_credit_staff_id: string | null
  b_credit_staff_id: string | null
  note: string | null
  requested_by: string
  requested_at: string
  decided_by: string | null
  decided_at: string | null
  version: Generated<number>
  // db/migrations/0007_staff_swaps.sql: swaps staff offer from their phones.
  /** who agreed and when: the recording manager at once, or B on accepting A's offer */
  agreed_by: string | null
  agreed_at: string | null
  /** A, when A offered it from their phone; null when a manager recorded it */
  proposed_by_staff_id: string | null
  /** B declining the offer, or A withdrawing it; null when a manager decided or while open */
  closed_by_staff_id: string | null
}

// ---------------------------------------------------------------------------------------------
// 0011_cover_offers.sql: open cover, first to accept.

export interface CoverOffersTable {
  id: string
  school_id: string
  week: string
  work_code: string
  date: string
  slot_code: string | null
  status: 'open' | 'taken' | 'withdrawn'
  offered_by: string
  offered_at: string
  closed_at: string | null
  version: Generated<number>
}

export interface CoverOfferTakesTable {
  offer_id: string
  staff_id: string
  taken_at: string
}

export interface Database {
  cover_offers: CoverOffersTable
  cover_offer_takes: CoverOfferTakesTable
}

// ---------------------------------------------------------------------------------------------
// 0012_notifications.sql: who is told what, and the outbox.

export interface NotificationPrefsTable {
  staff_id: string
  email: Generated<number>
  push: Generated<number>
  quiet_start: string | null
  quiet_end: string | null
  version: Generated<number>
}

export type OutboxStatus = 'queued' | 'sent' | 'failed'

export interface OutboxTable {
  id: string
  school_id: string
  staff_id: string | null
  user_id: string | null
  channel: 'email' | 'push'
  subject: string
  body: string
  status: OutboxStatus
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface PushSubscriptionsTable {
  id: string
  staff_id: string
  endpoint: string
  p256dh: string
  auth: string
  created_at: string
}

export interface Database {
  notification_prefs: NotificationPrefsTable
  outbox: OutboxTable
  push_subscriptions: PushSubscriptionsTable
}

// ---------------------------------------------------------------------------------------------
// 0013_leave_requests.sql: leave asked for on a phone, decided by a manager.

export type LeaveKind = 'annual' | 'appointment' | 'training' | 'unpaid'
export type LeaveStatus = 'requested' | 'approved' | 'declined' | 'withdrawn'

export interface LeaveRequestsTable {
  id: string
  school_id: string
  staff_id: string
  kind: LeaveKind
  start_date: string
  end_date: string
  start_time: string | null
  end_time: string | null
  note: string | null
  status: LeaveStatus
  requested_at: string
  decided_by: string | null
  decided_at: string | null
  absence_id: string | null
  version: Generated<number>
}

export interface Database {
  leave_requests: LeaveRequestsTable
}

// ---------------------------------------------------------------------------------------------
// 0014_solve_jobs.sql: generates and re-plans as stored jobs.

export type SolveJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface SolveJobsTable {
  id: string
  school_id: string
  week: string
  origin: string
  actor: string
  status: SolveJobStatus
  created_at: string
  started_at: string | null
  finished_at: string | null
  rota_id: string | null
  error: string | null
  /** 0016: the solve's last progress report, JSON {stage, steps, budget} */
  progress: string | null
}

export interface Database {
  solve_jobs: SolveJobsTable
}

// ---------------------------------------------------------------------------------------------
// 0016_absence_reports.sql: absences staff report themselves on /me.

export type AbsenceReportStatus = 'reported' | 'rejected'

export interface AbsenceReportsTable {
  id: string
  school_id: string
  staff_id: string
  absence_id: string | null
  start_date: string
  end_date: string
  start_time: string | null
  end_time: string | null
  cover_note: string | null
  status: AbsenceReportStatus
  reported_at: string
  rejected_by: string | null
  rejected_at: string | null
}

// 0020_duty_receipts.sql: "Seen" receipts for changed duties.

export interface DutyReceiptsTable {
  /** the calendar_entries row: one assignment of one person */
  entry_uid: string
  /** the calendar_publishes row whose change was seen (the entry's changed_in then) */
  publish_id: string
  school_id: string
  staff_id: string
  seen_at: string
}

// 0017_staff_unavailability.sql: times staff cannot do, binding once a manager approves.

export type UnavailabilityRepeat = 'weekly' | 'once'
export type UnavailabilityStatus = 'requested' | 'approved' | 'declined' | 'withdrawn'

export interface StaffUnavailabilityTable {
  id: string
  school_id: string
  staff_id: string
  repeat: UnavailabilityRepeat
  day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | null
  date: string | null
  start_time: string | null
  end_time: string | null
  note: string | null
  status: UnavailabilityStatus
  requested_at: string
  decided_by: string | null
  decided_at: string | null
  version: Generated<number>
}

export interface Database {
  absence_reports: AbsenceReportsTable
  duty_receipts: DutyReceiptsTable
  staff_unavailability: StaffUnavailabilityTable
}

// 0021_supply_staff.sql: supply and agency staff, their Single Central Record checks, their booked days.

export type RateUnit = 'day' | 'hour'
export type ScrCheckKind = 'dbs' | 'agency_confirmation' | 'identity'

export interface SupplyStaffTable {
  staff_id: string
  school_id: string
  agency: string
  rate_pence: number
  rate_unit: RateUnit
  version: Generated<number>
}

export interface ScrChecksTable {
  staff_id: string
  kind: ScrCheckKind
  checked_on: string
  /** the last day the check counts; null when it does not expire */
  expires_on: string | null
}

export interface SupplyBookingsTable {
  id: string
  school_id: string
  staff_id: string
  date: string
  start_time: string
  end_time: string
  created_at: string
  created_by: string | null
}

export interface Database {
  supply_staff: SupplyStaffTable
  scr_checks: ScrChecksTable
  supply_bookings: SupplyBookingsTable
}

// 0022_cover_costs.sql: a week's grants that fill a gap (the price of a gap), counted by the cover cost ledger.

export type WeekGrantKind = 'extra-duty' | 'additional-hours'

export interface WeekGrantsTable {
  id: string
  school_id: string
  week: string
  staff_id: string
  kind: WeekGrantKind
  /** duties for 'extra-duty', hours for 'additional-hours' */
  amount: number
  /** the grade's rate in pence an hour when granted */
  rate_pence: number | null
  work_code: string
  date: string
  slot_code: string | null
  created_at: string
}

export interface Database {
  week_grants: WeekGrantsTable
}
