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
    posts: `${school}/setup/posts`,
    /** One row of a setup list, `${list}/${id}/delete`: GET asks first (what goes with it), POST removes it */
    remove: (list: string, id: string) => `${list}/${encodeURIComponent(id)}/delete`,
    /** One row's Edit page, `${list}/${id}/edit`: GET shows it as saved, POST saves it (version-guarded) */
    edit: (list: string, id: string) => `${list}/${encodeURIComponent(id)}/edit`,
    weekNow: `${school}/week`,
    week,
    generate: (monday: string) => `${week(monday)}/generate`,
    publish: (monday: string) => `${week(monday)}/publish`,
    pin: (monday: string) => `${week(monday)}/pins`,
    bar: (monday: string) => `${week(monday)}/bars`,
    unpin: (monday: string, id: string) => `${week(monday)}/overrides/${encodeURIComponent(id)}/delete`,
    print: (monday: string) => `${week(monday)}/print`,
    /** POST: approve or decline a swap of the week that both people agreed */
    swap: (monday: string, id: string, action: 'approve' | 'decline') => `${week(monday)}/swaps/${encodeURIComponent(id)}/${action}`,
    absences: `${school}/absences`,
    reports: `${school}/reports`,
    fairnessCsv: `${school}/reports/fairness.csv`,
    hoursCsv: `${school}/reports/hours.csv`,
    poster: `${school}/poster`,
    /** GET: the school's managers and trust admins; POST: add a manager */
    people: `${school}/people`,
    /** POST: take away a manager's rights to the school */
    removeManager: (userId: string) => `${school}/people/${encodeURIComponent(userId)}/remove`,
  }
}

export type ManagerPaths = ReturnType<typeof managerPaths>
