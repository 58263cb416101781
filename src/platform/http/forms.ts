// Form bodies (urlencoded and multipart) read in one place. A body that claims to be a form but
// is not one (a multipart body without its boundary, cut short) is the sender's fault: Hono's
// parser throws a bare TypeError for it, which would otherwise leave as a 500.
import type { Context } from 'hono'
import type { BodyData } from 'hono/utils/body'
import { ProblemError } from './problem.js'

export async function parseForm(c: Context, options: { all?: boolean } = {}): Promise<BodyData<{ all: boolean }>> {
  try {
    return await c.req.parseBody({ all: options.all ?? false })
  } catch (err) {
    if (err instanceof TypeError) throw new ProblemError('malformedForm', 'send the form again from its page; the body did not parse as a form')
    throw err
  }
}
