// The routes of a week's cover requests and the school's events, and the Edit pages of the
// school day, duty posts, terms, closures and absences: the rows a term's work keeps changing.
import type { Hono } from 'hono'
import type { AppEnv } from '../platform/deps.js'
import { editAbsencePage, saveAbsence } from './absence-edit-pages.js'
import * as cover from './cover-pages.js'
import * as events from './event-pages.js'
import { addListRoutes, addRowEdit, id, monday, S, type HandlerKit } from './route-kit.js'
import * as termEdits from './term-edit-pages.js'

/** A week's cover requests (list, add, edit, delete, CSV) and the events from this week on. */
export function addCoverAndEventRoutes(app: Hono<AppEnv>, kit: HandlerKit): void {
  const { page, form } = kit
  const W = `${S}/week/:monday/cover`
  app.get(`${S}/cover`, page(cover.coverNow))
  app.get(
    W,
    page((p, c) => cover.coverPage(p, monday(c))),
  )
  app.post(
    W,
    form((p, v, _f, c) => cover.addCover(p, monday(c), v)),
  )
  app.post(
    `${W}/import`,
    form((p, v, file, c) => cover.importCover(p, monday(c), v, file)),
  )
  app.get(
    `${W}/:id/edit`,
    page((p, c) => cover.editCoverPage(p, monday(c), id(c))),
  )
  app.post(
    `${W}/:id/edit`,
    form((p, v, _f, c) => cover.saveCover(p, monday(c), id(c), v)),
  )
  app.get(
    `${W}/:id/delete`,
    page((p, c) => cover.askRemoveCover(p, monday(c), id(c))),
  )
  app.post(
    `${W}/:id/delete`,
    page((p, c) => cover.removeCover(p, monday(c), id(c))),
  )
  addListRoutes(app, kit, `${S}/events`, {
    show: (p, c) => events.eventsPage(p, c.req.query('from')),
    add: (p, v) => events.addEvent(p, v),
    askRemove: events.askRemoveEvent,
    remove: events.removeEvent,
  })
  addRowEdit(app, kit, `${S}/events`, { show: events.editEventPage, save: events.saveEvent })
}

/** Slots, duty posts, terms, closure days and absences. */
export function addTermEditRoutes(app: Hono<AppEnv>, kit: HandlerKit): void {
  addRowEdit(app, kit, `${S}/setup/day`, { show: termEdits.editSlotPage, save: termEdits.saveSlot })
  addRowEdit(app, kit, `${S}/setup/posts`, { show: termEdits.editDutyPostPage, save: termEdits.saveDutyPost })
  addRowEdit(app, kit, `${S}/setup/terms/periods`, { show: termEdits.editPeriodPage, save: termEdits.savePeriod })
  addRowEdit(app, kit, `${S}/setup/terms/closures`, { show: termEdits.editClosurePage, save: termEdits.saveClosure })
  addRowEdit(app, kit, `${S}/absences`, { show: editAbsencePage, save: saveAbsence })
}
