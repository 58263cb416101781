// The bare address and the icon every page links. A browser gets the home page; a script that
// asks for JSON (Accept: application/json) keeps the small index `GET /` has always answered.
import { Hono } from 'hono'
import { accepts } from 'hono/accepts'
import type { AppEnv } from '../platform/deps.js'
import { FAVICON_PATH, FAVICON_SVG } from '../ui/favicon.js'
import { API_INDEX, homePage } from './home-page.js'

const ICON_HEADERS = { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }

export const homeRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    c.header('Vary', 'Accept')
    const wanted = accepts(c, { header: 'Accept', supports: ['text/html', 'application/json'], default: 'text/html' })
    return wanted === 'application/json' ? c.json(API_INDEX) : c.html(homePage())
  })
  .get(FAVICON_PATH, (c) => c.body(FAVICON_SVG, 200, ICON_HEADERS))
  // Browsers (and the sign-in link's mail preview) still ask for /favicon.ico on their own: the
  // same icon, so the answer is never a 404 problem.
  .get('/favicon.ico', (c) => c.body(FAVICON_SVG, 200, ICON_HEADERS))
