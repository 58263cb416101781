// Field schemas shared by several resources, built on the scenario format's own so that the
// API and scenario files accept the same values; the API only narrows them (dates, names).
import { z } from 'zod'
import { isoDate as scenarioDate, timeOfDay, WEEKDAYS } from '../../solver/scenario.js'

export { timeOfDay }

// The scenario format allows any ISO date, and so does its schema; the API's own date fields
// are a school's, so a year like 9999 is a typo that would otherwise make weeks and absences
// no one can find again.
export const FIRST_YEAR = 2000
export const LAST_YEAR = 2100
/** A date the API takes: ISO, a real calendar day, in a year a school could plan. */
export const isoDate = scenarioDate.refine((iso) => {
  const year = Number(iso.slice(0, 4))
  return year >= FIRST_YEAR && year <= LAST_YEAR
}, `must be a date in the years ${FIRST_YEAR} to ${LAST_YEAR}`)
export const weekday = z.enum(WEEKDAYS)

// Text people type shows raw on /me, in feeds and on pages: a line break splits a calendar line
// or a table cell, and a bidi override (U+202A-202E) or isolate (U+2066-2069) makes the text after
// it read backwards or out of place. C0 and C1 controls (DEL too) and the Unicode line and
// paragraph separators have no place in a one-line name; multi-line text keeps tab, CR and LF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being refused
const NOT_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being refused
const NOT_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u
export const ONE_LINE_MESSAGE = 'must not contain line breaks or invisible control characters'
export const TEXT_MESSAGE = 'must not contain invisible control characters'

/** A name or label on one line: `oneLine(z.string().max(500))`. */
export const oneLine = <S extends z.ZodString>(schema: S) => schema.refine((text) => !NOT_IN_A_LINE.test(text), ONE_LINE_MESSAGE)
/** Free text that may run over several lines (a note, an absence's detail). */
export const multiLine = <S extends z.ZodString>(schema: S) => schema.refine((text) => !NOT_IN_TEXT.test(text), TEXT_MESSAGE)

export const name = oneLine(z.string().trim().min(1, 'must not be empty').max(200))
/** The id a school uses for something in scenario files: short, no spaces. */
export const code = z
  .string()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, ".", "_", ":" or "-", starting with a letter or digit')
/** An opaque id, or the code, of something in the same school. */
export const reference = z.string().min(1, 'must not be empty').max(200)
export const peopleNeeded = z.number().int('must be a whole number').min(1).max(1000)
export const priority = z.number().int('must be a whole number').min(1).max(5)
export const skillSeats = z.record(z.string().min(1).max(100), z.number().int('must be a whole number').min(0).max(1000))

/**
 * True when both values are well formed, so a rule between them is worth checking. Zod still
 * runs object refinements after a field failed; comparing "9am" with "15:00" would add a second,
 * misleading error to a field that is fine.
 */
export function bothValid(schema: z.ZodType, a: unknown, b: unknown): boolean {
  return schema.safeParse(a).success && schema.safeParse(b).success
}

/** A refinement for objects with times: end strictly after start. */
export function endAfterStart<T>(startKey: keyof T & string, endKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const start = value[startKey]
    const end = value[endKey]
    if (typeof start === 'string' && typeof end === 'string' && bothValid(timeOfDay, start, end) && end <= start) {
      ctx.addIssue({ code: 'custom', path: [endKey], message: `must be after ${startKey} (${start})` })
    }
  }
}

/** Skill seats cannot ask for more skilled people than the post needs in all. */
export function seatsWithinPeople<T extends { peopleNeeded: number; skillSeats: Record<string, number> }>(value: T, ctx: z.RefinementCtx) {
  if (!skillSeats.safeParse(value.skillSeats).success || !peopleNeeded.safeParse(value.peopleNeeded).success) return
  const seats = Object.values(value.skillSeats).reduce((a, b) => a + b, 0)
  if (seats > value.peopleNeeded) {
    ctx.addIssue({ code: 'custom', path: ['skillSeats'], message: `asks for ${seats} skill seats but only ${value.peopleNeeded} people` })
  }
}

/** Pounds an hour, to the penny: a pay rate. Below nothing is a typo, never a rate. */
export const hourlyRate = z
  .number()
  .min(0, 'must not be below zero')
  .max(1000, 'must be at most £1,000 an hour')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must be in pounds and pence, e.g. 13.69')
