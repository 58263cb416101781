// The manager's pages as HTML: what each must show, and that a form with a problem comes back
// with everything the manager typed. (pages.browser.test.ts opens the same pages in chromium.)
import { beforeAll, describe, expect, it } from 'vitest'
import { MANAGER_CSS, MANAGER_JS } from '../../src/manager/views/assets.js'
import { renderPages } from '../support/manager-fixtures.js'
import { readQrCode } from '../support/qr.js'

let pages: Record<string, string>
beforeAll(async () => {
  pages = await renderPages()
})

const page = (name: string) => pages[name] as string

describe('every page', () => {
  it('is a whole document with a language, a title and one h1', () => {
    for (const html of Object.values(pages)) {
      expect(html).toMatch(/^<!doctype html><html lang="en-GB">/)
      expect(html).toMatch(/<title>[^<]+ · Duty Rota<\/title>/)
      expect(html.match(/<h1[ >]/g)).toHaveLength(1)
    }
  })

  it('needs nothing the strict Content-Security-Policy refuses: no inline style or script', () => {
    for (const html of Object.values(pages)) {
      expect(html).not.toMatch(/\sstyle=|<style|<script>|\son[a-z]+=/)
      expect(html).toContain('<link rel="stylesheet" href="/manage/assets/manager.css"/>')
    }
  })

  it('shows the Duty Rota icon in the browser tab', () => {
    for (const html of Object.values(pages)) expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
  })

  it('marks where the manager is in the navigation', () => {
    expect(page('week')).toContain('<a href="/manage/sch_elm/week" aria-current="page">The week</a>')
    expect(page('staff')).toContain('<a href="/manage/sch_elm/setup/staff" aria-current="page">Staff</a>')
  })
})

describe('nothing typed is lost on a validation error', () => {
  it('gives the slot form back with its values, ticks, and each problem at its field and in a summary', () => {
    const html = page('day')
    expect(html).toContain('id="slot-code" name="code" type="text" value="p 1"')
    expect(html).toMatch(/<option value="lesson" selected="">Lesson<\/option>/)
    expect(html).toContain('name="start" type="time" value="09:00"')
    expect(html).toMatch(/name="days" value="mon" checked=""/)
    expect(html).toMatch(/name="days" value="wed" checked=""/)
    expect(html).not.toMatch(/name="days" value="tue" checked=""/)
    expect(html).toMatch(/<input id="slot-end"[^>]*aria-invalid="true" aria-describedby="slot-end-error"/)
    expect(html).toContain('<a href="#slot-end">Ends: must be after the start (09:00)</a>')
  })

  it('keeps pasted term dates in the box and lists each bad line', () => {
    const html = page('terms')
    expect(html).toContain('>Spring term 2027-01-05 2027-03-26\nChristmas 2026-12-21</textarea>')
    expect(html).toContain('Line 2, name: say what &quot;Christmas&quot; is')
    expect(html).toContain('nothing was saved')
  })

  it('keeps a pasted staff CSV and lets the manager choose its columns', () => {
    const html = page('staff')
    expect(html).toContain('>Payroll,Name\nP1,Fred</textarea>')
    expect(html).toMatch(/<select id="import-map-code" name="map-code"[^>]*><option value="">\(none\)<\/option><option value="Payroll">Payroll<\/option>/)
    expect(html).toMatch(/<select id="import-map-name"[^>]*>.*<option value="Name" selected="">Name<\/option>/)
    expect(html).toContain('id="staff-hoursPerWeek" name="hoursPerWeek" type="text" value="lots"')
  })

  it('keeps an absence as typed, with the problem at the last day', () => {
    const html = page('absences')
    expect(html).toMatch(/<option value="BJ" selected="">Ben Jones<\/option>/)
    expect(html).toContain('name="endDate" type="date" value="2026-11-24"')
    expect(html).toContain('must not be before the first day (2026-11-25)')
  })
})

describe('the week', () => {
  const html = () => page('week')

  it('has both grids, with a caption saying which rota they show, and a way to the other one', () => {
    expect(html()).toContain('<caption>Duty posts by day, week of Monday 23 November (draft)</caption>')
    expect(html()).toContain('<caption>Staff by day, week of Monday 23 November (draft)</caption>')
    expect(html()).toContain('<a href="/manage/sch_elm/week/2026-11-23?show=published">Show the published rota instead of the draft</a>')
  })

  it("says when things happened in the school's time, not UTC", () => {
    // 15:02 UTC on 20 November is 15:02 in London (GMT); the draft at 07:40 UTC likewise.
    expect(html()).toContain('<dd>Publication 1, Friday 20 November at 15:02</dd>')
  })

  it('marks an unfilled seat in words, not by colour alone, with its reason under the grid', () => {
    expect(html()).toMatch(/<td class="unfilled">.*<span class="flag gap">Unfilled: 1<\/span>/)
    expect(html()).toMatch(/<h2 id="why-unfilled">Why seats are unfilled<\/h2><ul class="reasons"><li><strong>1 break seat on Wed \(Yard\):<\/strong> /)
  })

  it('leads from the unfilled seats to what would fill them and at what price', () => {
    expect(html()).toContain('<a href="/manage/sch_elm/week/2026-11-23/gaps">What would fill these seats, and what each way costs</a>')
  })

  it('gives each name a pin (or unpin) and a bar button naming the person and the seat', () => {
    expect(html()).toContain('Pinned</span>')
    expect(html()).toMatch(
      /action="\/manage\/sch_elm\/week\/2026-11-23\/overrides\/ovr_pin\/delete"><button type="submit" class="small">Unpin<span class="visually-hidden"> Amira Patel, Yard, Mon 23 Nov<\/span>/,
    )
    expect(html()).toMatch(
      /action="\/manage\/sch_elm\/week\/2026-11-23\/pins"><input type="hidden" name="staff" value="BJ"\/><input type="hidden" name="duty" value="yard"\/><input type="hidden" name="date" value="2026-11-23"\/><input type="hidden" name="slot" value="break"\/><button type="submit" class="small">Pin/,
    )
    expect(html()).toContain('>Bar<span class="visually-hidden"> Ben Jones from Yard, Mon 23 Nov</span>')
    expect(html()).toContain('Barred: Cara Doyle')
  })

  it('shows what a re-plan changes before the button that publishes it, and publishes the version reviewed', () => {
    const diffAt = html().indexOf('What this re-plan changes')
    const publishAt = html().indexOf('Publish as publication 2')
    expect(diffAt).toBeGreaterThan(0)
    expect(publishAt).toBeGreaterThan(diffAt)
    expect(html()).toContain('<strong>Ben Jones</strong> no longer has: Dining hall, Wed 25 Nov (lunch).')
    expect(html()).toContain('<input type="hidden" name="version" value="3"/>')
  })

  it("shows each person's load against their fair share, in the table and a chart", () => {
    expect(html()).toMatch(/Amira Patel<span class="time">36.67 h a week<\/span><\/th>.*<td>5<\/td><td>5<\/td>/)
    expect(html()).toContain('Duties this week against each person&#39;s fair share')
    expect(html()).toMatch(/<svg[^>]*aria-hidden="true"/)
  })

  it('has a progress line for a long solve, shown by the script and hidden without it', () => {
    expect(page('week-empty')).toMatch(/<p class="progress" data-progress="true" hidden="" role="status"><progress aria-label="Generating the week/)
    expect(MANAGER_JS).toContain("form.querySelector('[data-progress]')")
    expect(page('week-empty')).toContain('Generate the week')
    expect(page('week-empty')).toContain('A pin breaks a rule of the week')
  })

  it('prints on A4 landscape without buttons or navigation', () => {
    expect(MANAGER_CSS).toContain('@page{size:A4 landscape;margin:10mm}')
    expect(MANAGER_CSS).toMatch(/@media print\{[^}]*nav[^}]*\.seat-actions,form\{display:none!important\}/)
    expect(page('print')).not.toContain('class="seat-actions"')
    expect(page('print')).toContain('duty rota, week of Monday 23 November (publication 1)')
  })
})

describe('absences', () => {
  it('shows the cover a new absence creates, person by person, and where to publish it', () => {
    const html = page('absences')
    expect(html).toContain('The cover this creates')
    expect(html).toContain('<strong>Amira Patel</strong> Covers: Dining hall, Wed 25 Nov (lunch).')
    expect(html).toContain('One seat stays unfilled')
    expect(html).toContain('href="/manage/sch_elm/week/2026-11-23">Review and publish the re-plan')
  })
})

describe('reports', () => {
  it('explains every fairness figure in one line, and never heads two columns the same', () => {
    const html = page('reports')
    expect(html).toContain('<dt>This term</dt>')
    expect(html).toContain('<dt>Carried in</dt><dd>Duties done this term before Duty Rota planned them')
    const fairnessTable = html.slice(html.indexOf('id="fairness"'), html.indexOf('id="hours"'))
    const headings = [...fairnessTable.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])
    expect(new Set(headings).size).toBe(headings.length)
  })

  it('has both ledgers with charts against fair share and allowance, and CSV downloads', () => {
    const html = page('reports')
    expect(html).toContain('href="/manage/sch_elm/reports/fairness.csv?asOf=2026-11-23"')
    expect(html).toContain('href="/manage/sch_elm/reports/hours.csv?asOf=2026-11-23"')
    // fairness and hours, then the cover cost ledger's pay and hours
    expect(html.match(/<figure class="chart">/g)).toHaveLength(4)
    // week, half term, term, year, carried in, fair share: 72 duties this term shared by FTE 0.991 : 0.878 : 0.5
    expect(html).toMatch(/<th scope="row">Amira Patel<\/th><td>0.991<\/td><td>5<\/td><td>-<\/td><td>31<\/td><td>31<\/td><td>0<\/td><td>30.1<\/td>/)
  })

  it('has the cover cost ledger per person and kind, priced where paid, with its CSV', () => {
    const html = page('reports')
    expect(html).toContain('href="/manage/sch_elm/reports/cover-costs.csv?asOf=2026-11-23"')
    expect(html).toMatch(/<th scope="row">Eve Evans<\/th><td>Additional hours paid<\/td><td>0.5 h, £6.85<\/td>/)
    expect(html).toMatch(/<th scope="row">Eve Evans<\/th><td>Cover in directed time<\/td><td>1 h<\/td><td>3 h<\/td>/)
  })
})

describe('the staffroom poster', () => {
  it('is a QR code for /me with the address also in words', () => {
    const html = page('poster')
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img" aria-label="QR code for https:\/\/rota.example.org\/me"/)
    expect(html).toContain('<strong>https://rota.example.org/me</strong>')
    expect(readQrCode(html)).toBe('https://rota.example.org/me')
  })
})

describe('deleting', () => {
  it("a list's Delete button only asks: it opens the question page (a GET), named after its row", () => {
    expect(page('staff')).toContain(
      '<form method="get" action="/manage/sch_elm/setup/staff/stf_ap/delete"><button type="submit" class="small danger">Delete<span class="visually-hidden"> Amira Patel</span></button></form>',
    )
  })

  it('says what goes with the thing before the button that deletes it', () => {
    const html = page('delete-staff')
    expect(html.indexOf('31 duties in published rotas')).toBeGreaterThan(0)
    expect(html.indexOf('Delete Amira Patel</button>')).toBeGreaterThan(html.indexOf('31 duties in published rotas'))
  })
})
