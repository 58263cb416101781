// Every address of the manager's pages in one place, so the routes and the links and forms of
// the pages cannot drift apart.

export const MANAGE_ROOT = '/manage'

export function managerPaths(schoolId: string) {
  const school = `${MANAGE_ROOT}/${encodeURIComponent(schoolId)}`
  const week = (monday: string) => `${school}/week/${monday}`
  return {
    home: school,
    day: `${school}/setup/day`,
    /** GET: the school's own details to edit (name, time zone, full-time hours); POST: save them */
    school: `${school}/setup/school`,
    terms: `${school}/setup/terms`,
    grades: `${school}/setup/grades`,
    staff: `${school}/setup/staff`,
    staffImport: `${school}/setup/staff/import`,
    /** GET: a person's personal link as it stands; POST: make a new one; `/stop` POST: stop it */
    personalLink: (staffId: string) => `${school}/setup/staff/${encodeURIComponent(staffId)}/link`,
    /** POST: a first personal link for everyone without one, answered as a sheet to print */
    linkSheet: `${school}/setup/staff/links/print`,
    linkMail: `${school}/setup/staff/links/email`,
    posts: `${school}/setup/posts`,
    /** One row of a setup list, `${list}/${id}/delete`: GET asks first (what goes with it), POST removes it */
    remove: (list: string, id: string) => `${list}/${encodeURIComponent(id)}/delete`,
    /** One row's Edit page, `${list}/${id}/edit`: GET shows it as saved, POST saves it (version-guarded) */
    edit: (list: string, id: string) => `${list}/${encodeURIComponent(id)}/edit`,
    weekNow: `${school}/week`,
    week,
    ...weekPaths(week),
    /** GET: this school week's cover requests */
    coverNow: `${school}/cover`,
    /** GET: a week's cover requests with the add form and the CSV upload; POST: add one */
    cover: (monday: string) => `${week(monday)}/cover`,
    /** POST: a cover CSV, previewed; with `apply`, written */
    coverImport: (monday: string) => `${week(monday)}/cover/import`,
    /** GET: events from this week on; POST: add one */
    events: `${school}/events`,
    absences: `${school}/absences`,
    /** POST: reject an absence a member of staff reported on their phone */
    rejectAbsence: (id: string) => `${school}/absences/${encodeURIComponent(id)}/reject`,
    /** GET: leave requests staff made on their phones */
    leave: `${school}/leave`,
    /** POST: approve or decline a leave request */
    leaveDecision: (id: string, action: 'approve' | 'decline') => `${school}/leave/${encodeURIComponent(id)}/${action}`,
    /** GET: supply and agency staff with their checks; POST: add one */
    supply: `${school}/supply`,
    /** POST: cancel a supply booking, and plan its week again */
    cancelBooking: (id: string) => `${school}/supply/bookings/${encodeURIComponent(id)}/cancel`,
    /** GET: times staff marked on their phones as ones they cannot do */
    availability: `${school}/availability`,
    /** POST: approve or decline one of them */
    availabilityDecision: (id: string, action: 'approve' | 'decline') => `${school}/availability/${encodeURIComponent(id)}/${action}`,
    reports: `${school}/reports`,
    /** GET: who can be told about changes, and how the latest messages went */
    messages: `${school}/messages`,
    fairnessCsv: `${school}/reports/fairness.csv`,
    hoursCsv: `${school}/reports/hours.csv`,
    coverCostsCsv: `${school}/reports/cover-costs.csv`,
    poster: `${school}/poster`,
    /** GET: the school's managers and trust admins; POST: add a manager */
    people: `${school}/people`,
    /** POST: take away a manager's rights to the school */
    removeManager: (userId: string) => `${school}/people/${encodeURIComponent(userId)}/remove`,
  }
}

/** The addresses under one week's page: what is done to that week. */
function weekPaths(week: (monday: string) => string) {
  return {
    generate: (monday: string) => `${week(monday)}/generate`,
    publish: (monday: string) => `${week(monday)}/publish`,
    /** POST: switch one day of the week to wet weather or back (field `wet`: on or off) */
    weather: (monday: string, date: string) => `${week(monday)}/weather/${date}`,
    pin: (monday: string) => `${week(monday)}/pins`,
    bar: (monday: string) => `${week(monday)}/bars`,
    unpin: (monday: string, id: string) => `${week(monday)}/overrides/${encodeURIComponent(id)}/delete`,
    print: (monday: string) => `${week(monday)}/print`,
    /** the price of the week's gaps, and (POST .../fix) one of them applied */
    gaps: (monday: string) => `${week(monday)}/gaps`,
    gapFix: (monday: string) => `${week(monday)}/gaps/fix`,
    /** POST: approve or decline a swap of the week that both people agreed */
    swap: (monday: string, id: string, action: 'approve' | 'decline') => `${week(monday)}/swaps/${encodeURIComponent(id)}/${action}`,
    /** POST: cancel a generate of the week that has not started */
    cancelJob: (monday: string, id: string) => `${week(monday)}/jobs/${encodeURIComponent(id)}/cancel`,
    /** GET: the week's empty seats and open cover offers; POST: offer seats to staff */
    offers: (monday: string) => `${week(monday)}/offers`,
    /** POST: withdraw an open cover offer */
    withdrawOffer: (monday: string, id: string) => `${week(monday)}/offers/${encodeURIComponent(id)}/withdraw`,
    /** POST: book a supply person for a day of the week, and plan the week again */
    bookSupply: (monday: string) => `${week(monday)}/supply`,
  }
}

export type ManagerPaths = ReturnType<typeof managerPaths>
