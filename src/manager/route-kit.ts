// What every manager route module shares: the handler kit that turns page handlers into Hono
// handlers, and the path pieces of a school's pages.
import type { Context, Hono } from 'hono'
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

/** A list page with its add form, and the question and the button of a row's Delete. */
export interface ListHandlers {
  show: PageHandler
  add?: FormHandler
  askRemove: (pc: PageContext, id: string) => Promise<PageResult>
  remove: (pc: PageContext, id: string) => Promise<PageResult>
}

/** The GET/POST of a list and the two steps of deleting one of its rows, at `path` and `path/:id/delete`. */
export function addListRoutes(
  app: Hono<AppEnv>,
  { page, form }: HandlerKit,
  path: string,
  h: Partial<Pick<ListHandlers, 'show' | 'add'>> & Pick<ListHandlers, 'askRemove' | 'remove'>,
): void {
  if (h.show) app.get(path, page(h.show))
  if (h.add) app.post(path, form(h.add))
  app.get(
    `${path}/:id/delete`,
    page((p, c) => h.askRemove(p, id(c))),
  )
  app.post(
    `${path}/:id/delete`,
    page((p, c) => h.remove(p, id(c))),
  )
}

/** A row's Edit page at `path/:id/edit`: GET shows it as saved, POST saves it. */
export function addRowEdit(
  app: Hono<AppEnv>,
  { page, form }: HandlerKit,
  path: string,
  h: { show: (pc: PageContext, id: string) => Promise<PageResult>; save: (pc: PageContext, id: string, values: FormValues) => Promise<PageResult> },
): void {
  app.get(
    `${path}/:id/edit`,
    page((p, c) => h.show(p, id(c))),
  )
  app.post(
    `${path}/:id/edit`,
    form((p, v, _f, c) => h.save(p, id(c), v)),
  )
}
