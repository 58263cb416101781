// The pages seen before signing in: the sign-in form, its confirmations, and the home page at
// "/" (src/home). They wear the manager pages' look: the same stylesheet, served as a file from
// /manage/assets/ (public), so there is no script and no inline style and they live under the
// strict Content-Security-Policy; every value is escaped by hono/html.
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { ASSET_PATHS } from '../manager/views/assets.js'
import { FAVICON_PATH } from '../ui/favicon.js'

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/** The frame of every page seen before signing in: one narrow column, readable on a phone. */
export function publicPage(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} · Duty Rota</title><link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml"><link rel="stylesheet" href="${ASSET_PATHS.css}"></head>
<body class="public"><header><p><a href="/"><strong>Duty Rota</strong></a></p></header>
<main id="main"><h1>${title}</h1>${body}</main></body>
</html>`
}

/** The form; `problem` says what was wrong with the address sent, beside the field. */
export function signinPage(problem?: string): Html {
  const error = problem ? html`<span class="field-error" id="email-error">${problem}</span>` : ''
  const invalid = problem ? html` aria-invalid="true" aria-describedby="email-error"` : ''
  return publicPage(
    'Sign in',
    html`<p>Managers sign in with a link sent by email: there is no password to remember.</p>
<form method="post" action="/auth/links">
<div class="field"><label for="email">Your email address</label>${error}
<input id="email" name="email" type="email" autocomplete="email" required${invalid}></div>
<button type="submit" class="primary">Send me a sign-in link</button>
</form>
<p>Staff do not sign in here: open the personal link or QR code your manager gave you.</p>`,
  )
}

export function linkSentPage(): Html {
  return publicPage(
    'Check your email',
    html`<p>If that address belongs to a Duty Rota account, a sign-in link is on its way. It works once, within 15 minutes.</p>`,
  )
}

/**
 * Opening a sign-in link shows this button instead of signing in at once: mail scanners and
 * link previews fetch URLs with GET, and must not use up the single-use link.
 */
export function confirmSigninPage(token: string): Html {
  return publicPage(
    'Sign in to Duty Rota',
    html`<form method="post" action="/auth/callback">
<input type="hidden" name="token" value="${token}">
<button type="submit" class="primary">Sign in</button>
</form>`,
  )
}

/**
 * A personal link opened in a browser that is already signed in asks first: otherwise a link
 * planted on any web page could end a manager's session and sign them in as someone else.
 */
export function confirmStaffLinkPage(token: string): Html {
  return publicPage(
    'Open your duties',
    html`<p>This browser is signed in already. Opening this personal link signs that session out.</p>
<form method="post" action="/auth/staff/${token}">
<button type="submit">Sign out and open my duties</button>
</form>
<p><a href="/manage">Stay signed in as before</a></p>`,
  )
}

export function invalidLinkPage(): Html {
  return publicPage('This link no longer works', html`<p>Sign-in links work once, within 15 minutes. <a href="/auth/signin">Ask for a new one</a>.</p>`)
}

export function invalidStaffLinkPage(): Html {
  return publicPage('This link no longer works', html`<p>Your manager may have issued you a new one. Ask them for your current link.</p>`)
}

/** The mail server would not take the link: nothing for the person to fix but to wait. */
export function mailUnavailablePage(): Html {
  return publicPage(
    'The email could not be sent',
    html`<p role="alert">Duty Rota could not send the sign-in email just now: its mail server did not answer or refused it. Nothing is wrong with your address.</p>
<p>Try again in a few minutes. If it keeps happening, tell whoever runs Duty Rota for your school.</p>
<p><a href="/auth/signin">Back to sign-in</a></p>`,
  )
}

export function tooManyAttemptsPage(): Html {
  return publicPage('Please wait', html`<p>There have been too many sign-in attempts. Try again in a few minutes.</p>`)
}

export function signedOutPage(): Html {
  return publicPage('Signed out', html`<p>You are signed out. <a href="/auth/signin">Sign in again</a>.</p>`)
}
