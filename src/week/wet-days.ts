// Switching a day to wet weather and back. The switch is a row of wet_days; what it does to the
// week is in wet-weather.ts, read by every plan of the week (school-week.ts). A switch on a week
// already published makes its re-plan draft at once, as recording an absence does (replan.ts):
// the manager opens it, reads who moves where, and publishes, which tells each person changed.
import type { WriteContext } from '../platform/deps.js'
import { commit, nowIso } from '../platform/audit.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { conflict } from '../platform/http/problem.js'
import { todayAtSchool } from '../platform/school-today.js'
import { mondayOf } from '../ledgers/periods.js'
import { replanWeeks, type ReplanOutcome } from './replan.js'
import { loadWeekRotas, weekVersion } from './rotas.js'
import { hasSchoolDay } from './school-week.js'
import { wetAlternatives } from './wet-week.js'

export interface WeatherSwitched extends ReplanOutcome {
  date: string
  wet: boolean
}

/**
 * Turns a day's wet weather on or off. The same answer twice changes nothing and makes no
 * second draft. A day before today is refused: its duties are done, and a re-plan keeps them.
 * `ifMatch`, when given, is the version of the date's week the caller saw: the re-plan replaces
 * the draft under review, so a week that moved on since (another generate or publish) is 412.
 */
export async function switchWeather(ctx: WriteContext, schoolId: string, date: string, wet: boolean, ifMatch?: string): Promise<WeatherSwitched> {
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  if (date < today) throw conflict(`${date} is before today (${today}): its duties are done, so its weather can no longer change`)
  checkIfMatch(ifMatch, await weekVersion(ctx.store, schoolId, mondayOf(date)), `the week ${mondayOf(date)}`)
  const was = await ctx.store.db.selectFrom('wet_days').select('date').where('school_id', '=', schoolId).where('date', '=', date).executeTakeFirst()
  const outcome: WeatherSwitched = { date, wet, replans: [], replanJobs: [], replanFailures: [] }
  if ((was !== undefined) === wet) return outcome
  const change = { schoolId, entity: 'wet_day', entityId: date, action: wet ? 'create' : 'delete', ...(wet ? { after: { date } } : { before: { date } }) }
  const db = ctx.store.db
  await commit(ctx, change, [
    wet
      ? db
          .insertInto('wet_days')
          .values({ school_id: schoolId, date, marked_at: nowIso(ctx), marked_by: ctx.actor })
          .onConflict((oc) => oc.doNothing())
          .compile()
      : db.deleteFrom('wet_days').where('school_id', '=', schoolId).where('date', '=', date).compile(),
  ])
  return { ...outcome, ...(await replanWeekOf(ctx, schoolId, date, wet)) }
}

/** The re-plan draft of the date's week, when a published rota there has posts the weather moves. */
async function replanWeekOf(ctx: WriteContext, schoolId: string, date: string, wet: boolean): Promise<ReplanOutcome> {
  const monday = mondayOf(date)
  const none: ReplanOutcome = { replans: [], replanJobs: [], replanFailures: [] }
  const [rotas, alternatives] = await Promise.all([loadWeekRotas(ctx.store, schoolId, monday), wetAlternatives(ctx.store, schoolId)])
  if (!rotas.published || alternatives.length === 0 || !(await hasSchoolDay(ctx.store, schoolId, monday))) return none
  // The switch stands, as an absence does when its re-plan fails: the week page offers Generate.
  return replanWeeks(ctx, schoolId, [monday], { kind: 'wet-weather', date, wet }, 'The weather is switched')
}
