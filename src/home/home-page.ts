// What someone who opens the bare address sees: what Duty Rota is, and the one place to go for
// each kind of visitor (a manager, a member of staff, a developer). It is a page seen before
// signing in, so it wears the sign-in pages' frame.
import { html } from 'hono/html'
import { publicPage, type Html } from '../auth/pages.js'

/** What `GET /` answered before it was a page; scripts that ask for JSON still get it. */
export const API_INDEX = { name: 'Duty Rota API', api: '/api', organisations: '/api/organisations', schools: '/api/schools' } as const

export function homePage(): Html {
  return publicPage(
    'Duties and cover for schools',
    html`<p>Duty Rota plans a school's duties and cover each week: who supervises the yard at break and the hall at lunch, who covers for a colleague who is off, shared out fairly and within everyone's contract. Every member of staff sees their own duties on their phone and in their calendar.</p>
<section aria-labelledby="for-managers">
<h2 id="for-managers">Business managers</h2>
<p>Set up the school day and the staff, generate and publish the week, and record absences.</p>
<p><a href="/manage">Open your school's pages</a>. Not signed in yet? <a href="/auth/signin">Sign in with your email address</a>.</p>
</section>
<section aria-labelledby="for-staff">
<h2 id="for-staff">Staff</h2>
<p>Open the personal link or the staffroom QR code your manager gave you. After that, <a href="/me">your duties</a> open in the same browser without it.</p>
</section>
<section aria-labelledby="for-developers">
<h2 id="for-developers">Developers</h2>
<p>The JSON API is under <a href="/api/schools">/api</a> (sign in, or send an API token). The formats it reads and writes are published at <a href="/api/schemas/scenario.json">/api/schemas/scenario.json</a> and <a href="/api/schemas/rota.json">/api/schemas/rota.json</a>.</p>
</section>`,
  )
}
