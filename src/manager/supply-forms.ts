// The supply person's form as a manager fills it in: the rate in pounds (the API takes pence),
// each check as the date it was seen and, if it expires, the last day it counts. A form read
// gives the use case's input, or one message per form field, named as the page names them.
import { supplyPersonBody, type SupplyPersonInput, type SupplyPersonView } from '../supply/supply-people.js'
import { SCR_CHECK_KINDS } from '../supply/supply.js'
import type { FormRead, FormValues } from './form-readers.js'

/** Form field of each check's dates: `dbs-on`, `dbs-until`, ... */
export const checkField = (kind: string, end: 'on' | 'until') => `${kind}-${end}`

export const SUPPLY_FIELDS = [
  'code',
  'name',
  'grade',
  'agency',
  'rate',
  'rateUnit',
  ...SCR_CHECK_KINDS.flatMap((k) => [checkField(k, 'on'), checkField(k, 'until')]),
]

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

/** "145", "145.5" or "£145.50" as pence; undefined when it is not an amount of money. */
function pence(text: string): number | undefined {
  const m = /^-?£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text)
  if (!m) return undefined
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return text.includes('-') ? -value : value
}

/** A body path of the use case ("checks.dbs.expiresOn", "ratePence") as the form field it came from. */
export function formFieldOf(path: string): string {
  const m = /^checks\.(\w+)\.(checkedOn|expiresOn)/.exec(path)
  if (m) return checkField(m[1] ?? '', m[2] === 'checkedOn' ? 'on' : 'until')
  if (path.startsWith('ratePence')) return 'rate'
  return path.split('.')[0] ?? ''
}

export function readSupplyForm(values: FormValues): FormRead<SupplyPersonInput> {
  const errors: Record<string, string> = {}
  const rateText = one(values.rate)
  const ratePence = rateText === '' ? undefined : pence(rateText)
  if (rateText === '') errors.rate = 'enter the rate, such as 145.00'
  else if (ratePence === undefined) errors.rate = 'enter an amount in pounds, such as 145.00'
  const checks: Record<string, { checkedOn: string; expiresOn: string | null }> = {}
  for (const kind of SCR_CHECK_KINDS) {
    const on = one(values[checkField(kind, 'on')])
    const until = one(values[checkField(kind, 'until')])
    if (on !== '') checks[kind] = { checkedOn: on, expiresOn: until === '' ? null : until }
    else if (until !== '') errors[checkField(kind, 'on')] = 'enter the date it was seen, or leave both dates empty'
  }
  const body = {
    code: one(values.code),
    name: one(values.name),
    grade: one(values.grade),
    agency: one(values.agency),
    ratePence,
    rateUnit: one(values.rateUnit),
    checks,
  }
  const parsed = supplyPersonBody.safeParse(body)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(issue.path.join('.'))
      errors[field] ??= issue.message
    }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: parsed.data }
}

/** The form filled in with a person as saved, for their Edit page. */
export function supplyValues(p: SupplyPersonView): FormValues {
  const values: FormValues = {
    code: p.code,
    name: p.name,
    grade: p.grade,
    agency: p.agency,
    rate: (p.ratePence / 100).toFixed(2),
    rateUnit: p.rateUnit,
    version: String(p.version),
  }
  for (const kind of SCR_CHECK_KINDS) {
    const c = p.checks[kind]
    values[checkField(kind, 'on')] = c?.checkedOn ?? ''
    values[checkField(kind, 'until')] = c?.expiresOn ?? ''
  }
  return values
}
