// Reading a manager's page as a browser would: its HTML, and the fields one of its forms would
// send (the form whose submit button says what the test presses), for the page handler tests.
import type { Store } from '../../db/store.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { writeContext } from './kit.js'

export const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The fields a page's form would send: the one whose submit button says `button`. */
export function formOf(html: string, button: string): Record<string, string | string[]> {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(button))
  if (!form) throw new Error(`no form with a "${button}" button`)
  const out: Record<string, string | string[]> = {}
  const add = (name: string, value: string) => {
    const seen = out[name]
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? ''
    const name = /name="([^"]*)"/.exec(attrs)?.[1]
    const value = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '')
    if (!name || (/type="checkbox"/.test(attrs) && !/checked/.test(attrs))) continue
    add(name, value)
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[\s\S]*?<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected/.exec(m[0])?.[1]
    add(m[1] ?? '', decode(chosen ?? ''))
  }
  return out
}

/** A school of its own on `store`, as the page handlers see it: signed in as a manager, the clock at Friday 20 November 2026. */
export async function pageSchool(store: Store): Promise<PageContext> {
  const ctx = writeContext(store, 'user:test', '2026-11-20T09:00:00Z')
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  return { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
}
