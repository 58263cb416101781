// Personal links for everyone who had none, on paper: one card per person to cut out and hand
// over, with a QR code and the link in words. A4 with no navigation, like the week's print.
// The links are in this one answer only; the database keeps their digests.
import type { FC } from 'hono/jsx'
import { QrCode, qrMatrix } from '../../ui/qr-code.js'
import { Head } from './layout.js'
import type { ManagerPaths } from './paths.js'

export interface LinkSheetView {
  schoolName: string
  /** the links just issued, by surname */
  issued: { name: string; url: string }[]
  /** people who already had a link in use, by surname: left alone */
  skipped: string[]
  paths: ManagerPaths
}

const LinkCard: FC<{ name: string; url: string }> = ({ name, url }) => {
  // none when the address is too long for the codes we draw: the link is still there in words
  const matrix = qrMatrix(url)
  return (
    <li class="link-card">
      <h2>{name}</h2>
      {matrix === null ? null : (
        <div class="qr">
          <QrCode matrix={matrix} label={`QR code of ${name}'s personal link`} />
        </div>
      )}
      <p>
        Scan with your phone's camera, or type <span class="link-words">{url}</span>
      </p>
      <p class="hint">Your duties on your phone. Keep this to yourself: the link works like a password.</p>
    </li>
  )
}

const Skipped: FC<{ names: string[] }> = ({ names }) =>
  names.length === 0 ? null : (
    <section class="no-print" aria-labelledby="links-skipped">
      <h2 id="links-skipped">Not on this sheet</h2>
      <ul>
        {names.map((name) => (
          <li>{name}: already has a link (re-issue from their page)</li>
        ))}
      </ul>
    </section>
  )

export const LinkSheetPage: FC<{ view: LinkSheetView }> = ({ view }) => (
  <html lang="en-GB">
    <Head title={`Print: personal links · ${view.schoolName}`} />
    <body>
      <main id="main" class="link-sheet">
        <h1>{view.schoolName}: personal links</h1>
        <p role="status" class="notice no-print">
          {view.issued.length === 0
            ? 'Everyone already has a personal link, so none was made.'
            : 'This is the only time these links are shown: print the sheet now. Each link works like a password, so give each card to its person alone.'}
        </p>
        <p class="no-print actions">
          <button type="button" data-print hidden>
            Print
          </button>
          <a href={view.paths.staff}>Back to staff</a>
        </p>
        <Skipped names={view.skipped} />
        {view.issued.length === 0 ? null : (
          <ul class="link-cards">
            {view.issued.map((link) => (
              <LinkCard name={link.name} url={link.url} />
            ))}
          </ul>
        )}
      </main>
    </body>
  </html>
)
