// Asking for leave on the phone: the request is made with the fields a person fills in, a bad
// one is named and what was typed is kept, and the answer shows on the same page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { declineLeave, listLeave } from '../../src/leave/leave.js'
import { phones, type Phones } from '../support/phone.js'

let p: Phones
let school: Phones['school']
let amira: string
let ben: string

beforeEach(async () => {
  p = await phones('2026-11-24T07:45:00Z')
  school = p.school
  ;({ amira, ben } = p.cookie)
})
afterEach(() => school.close())

const post = (cookie: string, path: string, fields: Record<string, string> = {}) => p.post(cookie, path, fields)
const page = (cookie: string, query = '') => p.page(cookie, query)

describe('asking for leave on the phone', () => {
  it('sends a one-day request with a note, and shows it waiting', async () => {
    const res = await post(amira, '/me/leave', {
      kind: 'appointment',
      startDate: '2026-12-03',
      endDate: '',
      startTime: '09:00',
      endTime: '11:30',
      note: 'Dentist',
    })
    expect([res.status, res.headers.get('location')]).toEqual([303, '/me?leave=asked#leave'])
    const [request] = await listLeave(school.store, school.schoolId, { staffId: school.staff.amira })
    expect(request).toMatchObject({
      kind: 'appointment',
      startDate: '2026-12-03',
      endDate: '2026-12-03',
      startTime: '09:00',
      endTime: '11:30',
      note: 'Dentist',
    })
    const html = await page(amira, '?leave=asked')
    expect(html).toContain('Asked: your manager sees the request')
    expect(html).toContain('Appointment, Thu 3 Dec, 09:00-11:30: waiting for a manager')
  })

  it('names a bad field and keeps what was typed', async () => {
    const res = await post(amira, '/me/leave', { kind: 'annual', startDate: '2026-12-10', endDate: '2026-12-08', note: 'Family wedding' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<span id="leave-end-error" class="field-error">must be on or after the first day</span>')
    expect(html).toContain('Family wedding</textarea>')
  })

  it("shows the manager's answer, and nobody can withdraw another person's request", async () => {
    await post(amira, '/me/leave', { kind: 'training', startDate: '2026-12-04', endDate: '2026-12-04' })
    const [request] = await listLeave(school.store, school.schoolId, { staffId: school.staff.amira })
    expect((await post(ben, `/me/leave/${request?.id}/withdraw`)).status).toBe(404)
    await declineLeave(school.ctx, school.schoolId, request?.id ?? '')
    expect(await page(amira)).toContain('Training, Fri 4 Dec: declined')
    expect(await page(ben)).not.toContain('Training, Fri 4 Dec')
  })
})
