// The cover request and event forms, read with zod like the setup forms (form-readers.ts). A
// code is the manager's only when they typed one: left empty, the page makes one (see
// cover-pages.ts), so nobody has to invent "c7" to ask for a lesson to be covered.
import { z } from 'zod'
import { code, name, oneLine } from '../platform/fields.js'
import type { CoverRequestInput } from '../week/cover-requests.js'
import type { EventInput } from '../week/events.js'
import { afterStart, date, required, seats, text, time } from './form-readers.js'
import { wholeNumber } from '../setup/staff-csv-cells.js'

/** What a form gives before the page settles the code: `code` undefined when left empty. */
export type Coded<T extends { code: string }> = Omit<T, 'code'> & { code?: string | undefined }

function seatsWithin(v: { peopleNeeded: number; skillSeats: Record<string, number> }, ctx: z.RefinementCtx) {
  const n = Object.values(v.skillSeats).reduce((a, b) => a + b, 0)
  if (n > v.peopleNeeded) ctx.addIssue({ code: 'custom', path: ['skillSeats'], message: `asks for ${n} skilled people but only ${v.peopleNeeded} in all` })
}

const shared = {
  code: text(code.optional()),
  date: text(date),
  peopleNeeded: text(wholeNumber(1, 1000).default(1)),
  skillSeats: text(seats.default({})),
  priority: text(wholeNumber(1, 5).default(3)),
}

export const coverForm: z.ZodType<Coded<CoverRequestInput>> = z
  .object({
    ...shared,
    slot: text(z.string({ error: 'choose a slot' })),
    label: text(oneLine(z.string().max(500)).nullable().default(null)),
    absence: text(z.string().max(200).nullable().default(null)),
  })
  .superRefine(seatsWithin)
  .transform(({ absence, ...v }) => ({ ...v, absenceId: absence }))

export const eventForm: z.ZodType<Coded<EventInput>> = z
  .object({ ...shared, name: text(required.pipe(name)), start: text(time), end: text(time) })
  .superRefine(seatsWithin)
  .superRefine((v, ctx) => afterStart(v, ctx))

/** The seat fields of a saved request or event as its form shows them. */
export const seatValues = (w: { peopleNeeded: number; skillSeats: Record<string, number>; priority: number; code: string }) => ({
  peopleNeeded: String(w.peopleNeeded),
  skillSeats: Object.entries(w.skillSeats)
    .map(([k, n]) => `${k}:${n}`)
    .join('; '),
  priority: String(w.priority),
  code: w.code,
})
