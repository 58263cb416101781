// What changed for each person between what their calendar showed and what is being published,
// in plain words: duties added, taken off, and moved (the same duty at another time). One
// message per person per publish, however many changes; nobody whose duties are unchanged is
// told anything.
import { longDate, shortDate } from '../ui/dates.js'

export interface DutyLine {
  staffId: string
  work: string
  date: string
  slot: string | null
  what: string
  start: string
  end: string
}

export interface PersonChanges {
  staffId: string
  added: DutyLine[]
  removed: DutyLine[]
  moved: { from: DutyLine; to: DutyLine }[]
}

const keyOf = (d: DutyLine) => `${d.staffId}|${d.work}|${d.date}|${d.slot ?? ''}`
const sameWhen = (a: DutyLine, b: DutyLine) => a.date === b.date && a.start === b.start && a.end === b.end && a.what === b.what

/** Per person, what `after` adds, takes off and moves compared with `before`; unchanged people left out. */
export function personChanges(before: readonly DutyLine[], after: readonly DutyLine[]): PersonChanges[] {
  const was = new Map(before.map((d) => [keyOf(d), d]))
  const is = new Map(after.map((d) => [keyOf(d), d]))
  const people = new Map<string, PersonChanges>()
  const of = (staffId: string) => {
    const seen = people.get(staffId)
    if (seen) return seen
    const fresh: PersonChanges = { staffId, added: [], removed: [], moved: [] }
    people.set(staffId, fresh)
    return fresh
  }
  for (const [k, d] of is) {
    const old = was.get(k)
    if (!old) of(d.staffId).added.push(d)
    else if (!sameWhen(old, d)) of(d.staffId).moved.push({ from: old, to: d })
  }
  for (const [k, d] of was) if (!is.has(k)) of(d.staffId).removed.push(d)
  // A duty taken off one day and given on another is one move, not two changes.
  for (const p of people.values()) {
    for (const gone of [...p.removed]) {
      const i = p.added.findIndex((a) => a.what === gone.what)
      const given = p.added[i]
      if (given) {
        p.added.splice(i, 1)
        p.removed.splice(p.removed.indexOf(gone), 1)
        p.moved.push({ from: gone, to: given })
      }
    }
  }
  return [...people.values()].filter((p) => p.added.length + p.removed.length + p.moved.length > 0)
}

/** A re-plan's message asks for the receipt the office waits on (receipts.ts). */
const SEEN_ASK = 'Please open your page and press Seen beside each change, so the office knows you have read it.'

const when = (d: DutyLine) => `${shortDate(d.date)}, ${d.start}-${d.end}`
const byTime = (a: DutyLine, b: DutyLine) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start)

/** The message's subject and text; the link to /me is added when it is sent. */
export function changeMessage(name: string, week: string, changes: PersonChanges, firstPublish: boolean): { subject: string; body: string } {
  const lines = [
    ...[...changes.added].sort(byTime).map((d) => `- ${firstPublish ? '' : 'New: '}${when(d)}: ${d.what}`),
    ...[...changes.moved].sort((a, b) => byTime(a.to, b.to)).map((m) => `- Moved: ${m.to.what}, from ${when(m.from)} to ${when(m.to)}`),
    ...[...changes.removed].sort(byTime).map((d) => `- No longer yours: ${when(d)}: ${d.what}`),
  ]
  const weekName = `the week of ${longDate(week)}`
  // A duty taken off asks nothing of the person, so only given and moved duties wait on a Seen.
  const asksSeen = changes.added.length + changes.moved.length > 0
  return firstPublish
    ? { subject: `Your duties for ${weekName}`, body: [`Hello ${name},`, '', `Your duties for ${weekName} are published:`, ...lines].join('\n') }
    : {
        subject: `Your duties changed: ${weekName}`,
        body: [`Hello ${name},`, '', `Your published duties for ${weekName} have changed:`, ...lines, ...(asksSeen ? ['', SEEN_ASK] : [])].join('\n'),
      }
}
