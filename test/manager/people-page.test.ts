// The "People who run this school" page: what it shows (from the page fixtures) and, through
// the whole app, adding a manager by name and email and removing one with its button.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, ORIGIN, TESTER, withSchool, type TestApi } from '../support/api.js'
import { renderPages } from '../support/manager-fixtures.js'

describe('the page as drawn', () => {
  let pages: Record<string, string>
  beforeAll(async () => {
    pages = await renderPages()
  })

  it('is in the navigation, lists managers and trust admins, and offers Remove only for managers', () => {
    const html = pages.people as string
    expect(html).toContain('<a href="/manage/sch_elm/people" aria-current="page">Managers</a>')
    expect(html).toContain('<th scope="row">Jo Bloggs (you)</th>')
    expect(html).toContain('Trust admin (every school of the trust)')
    expect(html).toContain('action="/manage/sch_elm/people/usr_sam/remove"')
    expect(html).toContain('Remove<span class="visually-hidden"> Sam Okafor as a manager</span>')
    expect(html).not.toContain('/people/usr_ada/remove')
  })

  it('gives the add form back with what was typed and the problem at the email field', () => {
    const html = pages.people as string
    expect(html).toContain('id="manager-name" name="name" type="text" value="Sam Lee"')
    expect(html).toMatch(/<input id="manager-email" name="email" type="email" value="sam at elm"[^>]*aria-invalid="true"/)
    expect(html).toContain('<a href="#manager-email">Email address: enter an email address such as name@school.org</a>')
  })

  it('offers no Remove to the last manager', () => {
    const html = pages['people-last-manager'] as string
    expect(html).not.toContain('/remove"')
    expect(html).toContain('The last manager: add another before removing them.')
  })
})

describe('the page at work', () => {
  let api: TestApi
  let people: string
  beforeEach(async () => {
    api = await freshApi()
    const { schoolId } = await withSchool(api)
    people = `/manage/${schoolId}/people`
  })
  afterEach(() => api.close())

  const submit = (path: string, fields: Record<string, string> = {}) =>
    api.request('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN })

  it('adds a manager, who is mailed a sign-in link, and says so', async () => {
    const res = await submit(people, { name: 'Jo Bloggs', email: 'jo@elm.example' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${people}?done=manager-added`)
    expect(api.mailer.lastTo('jo@elm.example')?.text).toContain('/auth/callback?token=')
    const html = await (await api.request('GET', `${people}?done=manager-added`)).text()
    expect(html).toContain('Manager added: they have been sent a sign-in link by email.')
    expect(html).toContain('<th scope="row">Jo Bloggs</th>')
    expect(html).toContain(`<th scope="row">${TESTER.name} (you)</th>`)
  })

  it('keeps what was typed when the email is not one', async () => {
    const res = await submit(people, { name: 'Jo Bloggs', email: 'jo at elm' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('value="Jo Bloggs"')
    expect(html).toContain('value="jo at elm"')
    expect(html).toContain('Email address: enter an email address such as name@school.org')
    expect(api.mailer.sent).toHaveLength(0)
  })

  it('removes a manager with its button', async () => {
    await submit(people, { name: 'Jo Bloggs', email: 'jo@elm.example' })
    const html = await (await api.request('GET', people)).text()
    const action = /action="([^"]+\/remove)"/.exec(html)?.[1] ?? ''
    const res = await submit(action)
    expect(res.headers.get('location')).toBe(`${people}?done=manager-removed`)
    expect(await (await api.request('GET', people)).text()).not.toContain('Jo Bloggs')
  })

  it('says why the last manager cannot be removed', async () => {
    await submit(people, { name: 'Jo Bloggs', email: 'jo@elm.example' })
    await api.store.db.deleteFrom('memberships').where('user_id', '=', TESTER.id).execute()
    const jo = await api.store.db.selectFrom('users').select('id').where('email', '=', 'jo@elm.example').executeTakeFirstOrThrow()
    await api.store.db
      .insertInto('memberships')
      .values({
        id: 'mbr_tester_again',
        user_id: TESTER.id,
        role: 'manager',
        school_id: people.split('/')[2] as string,
        organisation_id: null,
        staff_id: null,
        created_at: '2026-11-23T09:00:00.000Z',
      })
      .execute()
    expect((await submit(`${people}/${jo.id}/remove`)).status).toBe(303)
    const res = await submit(`${people}/${TESTER.id}/remove`)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain(`${TESTER.name} is the last manager of this school`)
  })
})
