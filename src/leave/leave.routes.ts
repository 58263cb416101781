// Leave over JSON, on the same use cases as the phone's Leave form and the manager's Leave
// requests page: a member of staff asks, lists and withdraws their own; a manager lists the
// school's and approves (the absence and the re-plan drafts, named in the answer) or declines.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuthEnv } from '../auth/authorise.js'
import { requireStaff } from '../auth/staff-caller.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { approveLeave, declineLeave, getLeave, getMyLeave, leaveFields, leaveRules, pageLeave, requestLeave, withdrawLeave } from './leave.js'

const status = z.enum(['requested', 'approved', 'declined', 'withdrawn'])
const mineQuery = pageQuery.extend({ status: status.optional() })
const schoolQuery = mineQuery.extend({ staff: z.string().min(1).optional() })

/** The phone form's fields, with a script's shortcuts: one day when endDate is left out, whole days without times. */
const leaveBody = z
  .strictObject({
    ...leaveFields.shape,
    endDate: leaveFields.shape.endDate.optional(),
    startTime: leaveFields.shape.startTime.default(null),
    endTime: leaveFields.shape.endTime.default(null),
    note: leaveFields.shape.note.default(null),
  })
  .transform((v) => ({ ...v, endDate: v.endDate ?? v.startDate }))
  .superRefine(leaveRules)

const decisionBody = z.strictObject({ decision: z.enum(['approve', 'decline']) })

export const leaveRoutes = new Hono<AuthEnv>()
  .get('/schools/:schoolId/leave-requests', validate('query', schoolQuery), async (c) => {
    const { staff, ...query } = c.req.valid('query')
    return c.json(await pageLeave(c.var.deps.store, c.req.param('schoolId'), { ...query, staffId: staff }))
  })
  .get('/schools/:schoolId/leave-requests/:id', async (c) => versioned(c, await getLeave(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  // Approving answers with the re-plan drafts of the published weeks the absence touches (each
  // week and its per-person changes), and any week it could not re-plan, as recording an absence does.
  .post('/schools/:schoolId/leave-requests/:id/decision', validate('json', decisionBody), async (c) => {
    const ctx = writeContext(c)
    const [schoolId, id, ifMatch] = [c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match')]
    if (c.req.valid('json').decision === 'decline') return versioned(c, await declineLeave(ctx, schoolId, id, ifMatch))
    const { request, ...outcome } = await approveLeave(ctx, schoolId, id, ifMatch)
    return versioned(c, { ...request, ...outcome })
  })

  // The member of staff behind the session: their own requests only.
  .get('/me/leave-requests', validate('query', mineQuery), async (c) => {
    const me = requireStaff(c)
    return c.json(await pageLeave(c.var.deps.store, me.schoolId, { ...c.req.valid('query'), staffId: me.staffId }))
  })
  .post('/me/leave-requests', validate('json', leaveBody), async (c) => {
    const me = requireStaff(c)
    const request = await requestLeave(writeContext(c), me.schoolId, me.staffId, c.req.valid('json'))
    c.header('Location', `/api/me/leave-requests/${encodeURIComponent(request.id)}`)
    return versioned(c, request, 201)
  })
  .get('/me/leave-requests/:id', async (c) => {
    const me = requireStaff(c)
    return versioned(c, await getMyLeave(c.var.deps.store, me.schoolId, me.staffId, c.req.param('id')))
  })
  .delete('/me/leave-requests/:id', async (c) => {
    const me = requireStaff(c)
    return versioned(c, await withdrawLeave(writeContext(c), me.schoolId, me.staffId, c.req.param('id')))
  })
