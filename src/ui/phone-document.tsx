// The frame of every staff phone page (/me and the swap offer): one column, the inline
// stylesheet that the Content-Security-Policy allows by its hash, and no script, so a page
// works on any phone and loads in one small response.
import type { Child, FC } from 'hono/jsx'
import { FAVICON_PATH } from './favicon.js'
import { ME_CSS } from './phone-styles.js'

/** Every phone page: one column, the inline stylesheet the CSP allows by hash, no script. */
export const PhoneDocument: FC<{ title: string; schoolName?: string | undefined; children?: Child; footer?: Child }> = ({
  title,
  schoolName,
  children,
  footer,
}) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <title>{title} · Duty Rota</title>
      {/* The one small icon every page links; cached for a day, so a slow connection fetches it once. */}
      <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />
      {/* Lets a phone add the page to its home screen (src/me/push-assets.ts). */}
      <link rel="manifest" href="/me/manifest.webmanifest" />
      <style dangerouslySetInnerHTML={{ __html: ME_CSS }} />
    </head>
    <body>
      {schoolName ? (
        <header>
          <p>Duty Rota · {schoolName}</p>
        </header>
      ) : null}
      <main>{children}</main>
      {footer ? <footer>{footer}</footer> : null}
    </body>
  </html>
)

/** The whole document; "<!doctype html>" keeps browsers out of quirks mode. */
export async function renderPhoneDocument(page: Child): Promise<string> {
  return `<!doctype html>${await (page as { toString(): string | Promise<string> }).toString()}`
}
