// A Delete button on the manager's pages asks first: the question page names the thing, says
// what goes with it (counted from the database), and only its own button deletes. Through the
// real routes (createApp) on SQLite, signed in as the school's manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { addSickness, makeSchool, publish, type School } from '../support/calendar.js'
import { testApp } from '../support/kit.js'

const ORIGIN = 'http://localhost'
const STAFF = '/manage/sch_1/setup/staff'

let school: School
let app: App
let cookie: string

beforeAll(async () => {
  school = await makeSchool('2026-11-23T09:00:00Z')
  // Amira: three duties in the published week, one in next week's draft, one absence, and a
  // personal link and calendar feed of her own. Cara has nothing but her contract.
  await publish(school, '2026-11-23', [
    ['stf_amira', 'yard', '2026-11-23', 'break'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'gate', '2026-11-25', 'gate'],
    ['stf_ben', 'yard', '2026-11-23', 'break'],
  ])
  const { db } = school.store
  await db
    .insertInto('rotas')
    .values({ id: 'rot_draft', school_id: 'sch_1', week: '2026-11-30', version: 1, status: 'draft', created_at: '2026-11-23T09:00:00.000Z' })
    .execute()
  await db
    .insertInto('rota_assignments')
    .values({ id: 'ras_draft', rota_id: 'rot_draft', staff_id: 'stf_amira', work_code: 'yard', date: '2026-11-30', slot_code: 'break' })
    .execute()
  await addSickness(school, 'stf_amira', '2026-11-26')
  app = testApp({ store: school.store, clock: school.clock })
  cookie = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  for (const path of ['staff/stf_amira/link', 'staff/stf_amira/feed', 'duty-posts/dpt_yard/feed']) {
    const res = await app.request(`/api/schools/sch_1/${path}`, { method: 'POST', headers: { cookie, origin: ORIGIN } })
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  }
})

afterAll(() => school?.close())

const ask = async (path: string) => {
  const res = await app.request(`/manage/sch_1/${path}/delete`, { headers: { cookie } })
  return { status: res.status, html: await res.text() }
}
const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1]
const items = (html: string) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])
const deleteButtons = (html: string) => html.match(/<form method="post" action="[^"]*\/delete">/g) ?? []

describe('a Delete button asks first', () => {
  it('names the member of staff and counts what goes with them: absences, duties, links', async () => {
    const { status, html } = await ask('setup/staff/stf_amira')
    expect(status).toBe(200)
    expect(heading(html)).toBe('Delete Amira Patel?')
    expect(items(html)).toEqual([
      '1 absence is deleted',
      '3 duties in published rotas are taken off them, and nobody takes their place until you generate those weeks again',
      '1 duty in drafts is taken off them',
      'the fairness and hours reports no longer show them',
      'their personal link stops working, and a phone signed in with it is signed out',
      'their calendar link stops working',
    ])
    expect(html).toContain(
      `<form method="post" action="${STAFF}/stf_amira/delete"><button type="submit" class="danger solid">Delete Amira Patel</button></form>`,
    )
  })

  it('does not say a link stops working for someone who has none', async () => {
    expect(items((await ask('setup/staff/stf_cara')).html)).toEqual(['the fairness and hours reports no longer show them'])
  })

  it('offers a way back to the list that keeps the thing', async () => {
    expect((await ask('setup/staff/stf_amira')).html).toContain(`<a href="${STAFF}">Keep it</a>`)
  })

  it('names the duty post and counts its duties in published rotas and drafts', async () => {
    const { html } = await ask('setup/posts/dpt_yard')
    expect(heading(html)).toBe('Delete duty post Yard, by the climbing frame?')
    expect(items(html)).toEqual([
      'it is left out of every week you generate from now on',
      '3 duties in published rotas stay with the staff who have them until you generate and publish those weeks again',
      '1 duty in drafts stays there until you generate those weeks again',
      'its calendar feed stops working',
    ])
  })

  it('does not offer to delete a slot a duty post runs in, and says which post', async () => {
    const { status, html } = await ask('setup/day/slt_break')
    expect(status).toBe(200)
    expect(heading(html)).toBe('Slot break (10:50-11:10) cannot be deleted yet')
    expect(html).toMatch(/<li>duty post <a href="\/manage\/sch_1\/setup\/posts\/dpt_yard\/edit">Yard, by the climbing frame<\/a> runs in it<\/li>/)
    expect(html).toContain('name opens its Edit page, where it can be moved to other slots')
    expect(deleteButtons(html)).toEqual([])
    expect(html).toContain('<a href="/manage/sch_1/setup/day">Back to the school day</a>')
  })

  it('does not offer to delete a grade that staff hold, and names them', async () => {
    const { html } = await ask('setup/grades/grd_1')
    expect(heading(html)).toBe('Grade G4 (Grade 4) cannot be deleted yet')
    expect(items(html)).toEqual(['Amira Patel holds it', 'Ben Ortiz holds it', 'Cara Li holds it'])
    expect(deleteButtons(html)).toEqual([])
  })

  it('offers to delete a slot nothing uses, saying nothing else goes with it', async () => {
    const { html } = await ask('setup/day/slt_p1')
    expect(heading(html)).toBe('Delete slot p1 (09:00-10:00)?')
    expect(html).toContain('Nothing else goes with it.')
    expect(deleteButtons(html)).toEqual(['<form method="post" action="/manage/sch_1/setup/day/slt_p1/delete">'])
  })

  it('names an absence by whose it is and when', async () => {
    expect(heading((await ask('absences/abs_stf_amira_2026-11-26')).html)).toBe('Delete Amira Patel&#39;s absence on Thu 26 Nov?')
  })

  it('answers an id the school does not have with the list and a 404 alert', async () => {
    const { status, html } = await ask('setup/staff/stf_nobody')
    expect(status).toBe(404)
    expect(heading(html)).toBe('Staff')
    expect(html).toMatch(/<div class="error-summary" role="alert"><h2>That could not be done<\/h2><p>no staff member with id stf_nobody/)
  })

  it('deletes nothing by asking', async () => {
    for (const path of ['setup/staff/stf_amira', 'setup/posts/dpt_yard', 'setup/day/slt_p1', 'setup/grades/grd_1', 'absences/abs_stf_amira_2026-11-26'])
      await ask(path)
    const { db } = school.store
    const count = async (table: 'staff' | 'duty_posts' | 'slots' | 'grades' | 'absences' | 'rota_assignments') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect({
      staff: await count('staff'),
      posts: await count('duty_posts'),
      slots: await count('slots'),
      grades: await count('grades'),
      absences: await count('absences'),
      duties: await count('rota_assignments'),
    }).toEqual({
      staff: 3,
      posts: 2,
      slots: 3,
      grades: 1,
      absences: 1,
      duties: 5,
    })
  })

  it('deletes when the question is answered with its Delete button, and the list says so', async () => {
    const res = await app.request(`${STAFF}/stf_cara/delete`, { method: 'POST', headers: { cookie, origin: ORIGIN } })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${STAFF}?done=staff-deleted`)
    expect(await school.store.db.selectFrom('staff').select('id').where('id', '=', 'stf_cara').executeTakeFirst()).toBeUndefined()
  })
})
