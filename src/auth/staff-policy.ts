// What a staff member may reach under /api/schools/:schoolId/ in their own school. Everything
// else answers 403 before any lookup. Setup lists, absences (anyone's: a reason is personal
// data), other people and the audit log are never on it. The issues that add the staff pages,
// feeds and figures add their paths here, and a row to the access matrix (test/support/access-matrix.ts).
// A staff page outside /api (such as /me, where a personal link lands) reads c.var.principal:
// kind 'staff' carries the schoolId and staffId it may show, and nothing else.
import type { StaffPolicy } from './authorise.js'

export const STAFF_MAY: StaffPolicy = () => false
