// The few pages sign-in needs. Plain HTML with no script and no inline style, so they live
// under the strict Content-Security-Policy; every value is escaped by hono/html.
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

function page(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} · Duty Rota</title></head>
<body><main><h1>${title}</h1>${body}</main></body>
</html>`
}

export function signinPage(message?: string): Html {
  return page(
    'Sign in',
    html`${message ? html`<p role="status">${message}</p>` : ''}
<form method="post" action="/auth/links">
<label for="email">Your email address</label>
<input id="email" name="email" type="email" autocomplete="email" required>
<button type="submit">Send me a sign-in link</button>
</form>`,
  )
}

export function linkSentPage(): Html {
  return page('Check your email', html`<p>If that address belongs to a Duty Rota account, a sign-in link is on its way. It works once, within 15 minutes.</p>`)
}

/**
 * Opening a sign-in link shows this button instead of signing in at once: mail scanners and
 * link previews fetch URLs with GET, and must not use up the single-use link.
 */
export function confirmSigninPage(token: string): Html {
  return page(
    'Sign in to Duty Rota',
    html`<form method="post" action="/auth/callback">
<input type="hidden" name="token" value="${token}">
<button type="submit">Sign in</button>
</form>`,
  )
}

/**
 * A personal link opened in a browser that is already signed in asks first: otherwise a link
 * planted on any web page could end a manager's session and sign them in as someone else.
 */
export function confirmStaffLinkPage(token: string): Html {
  return page(
    'Open your duties',
    html`<p>This browser is signed in already. Opening this personal link signs that session out.</p>
<form method="post" action="/auth/staff/${token}">
<button type="submit">Sign out and open my duties</button>
</form>
<p><a href="/manage">Stay signed in as before</a></p>`,
  )
}

export function invalidLinkPage(): Html {
  return page('This link no longer works', html`<p>Sign-in links work once, within 15 minutes. <a href="/auth/signin">Ask for a new one</a>.</p>`)
}

export function invalidStaffLinkPage(): Html {
  return page('This link no longer works', html`<p>Your manager may have issued you a new one. Ask them for your current link.</p>`)
}

export function tooManyAttemptsPage(): Html {
  return page('Please wait', html`<p>There have been too many sign-in attempts. Try again in a few minutes.</p>`)
}

export function signedOutPage(): Html {
  return page('Signed out', html`<p>You are signed out. <a href="/auth/signin">Sign in again</a>.</p>`)
}
