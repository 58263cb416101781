// What every manager route module shares: the handler kit that turns page handlers into Hono
// handlers, and the path pieces of a school's pages.
import type { Context } from 'hono'
import type { AppEnv } from '../platform/deps.js'
import type { FormValues } from './form-readers.js'
import type { PageContext, PageResult } from './page-kit.js'

export type C = Context<AppEnv>

export type Handler = (c: C) => Promise<Response>
export type PageHandler = (pc: PageContext, c: C) => Promise<PageResult> | PageResult
export type FormHandler = (pc: PageContext, values: FormValues, file: string | undefined, c: C) => Promise<PageResult>

/** Handlers from page handlers: `page` for a GET or a button, `form` when the body is a form. */
export interface HandlerKit {
  page(handler: PageHandler): Handler
  form(handler: FormHandler): Handler
}

export const S = '/manage/:schoolId'
export const id = (c: C) => c.req.param('id') ?? ''
export const monday = (c: C) => c.req.param('monday') ?? ''
