// The staffroom poster: a QR code to the staff phone page (/me), with the address in words for
// anyone who cannot scan it. Printable as it is.
import type { FC } from 'hono/jsx'
import { QrCode, qrMatrix } from '../../ui/qr-code.js'
import { ManagerLayout, type PageFrame } from './layout.js'

/** Nothing when the address is too long for the codes we draw: it is on the poster in words. */
const PosterCode: FC<{ url: string }> = ({ url }) => {
  const matrix = qrMatrix(url)
  return matrix === null ? null : (
    <div class="qr">
      <QrCode matrix={matrix} label={`QR code for ${url}`} />
    </div>
  )
}

export const PosterPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; meUrl: string }> = ({ frame, meUrl }) => (
  <ManagerLayout {...frame} title="Staffroom QR code" section="poster">
    <p class="no-print">Print this page for the staffroom wall. Staff scan the code to open their duties on their phone.</p>
    <p class="no-print">
      <button type="button" data-print hidden>
        Print the poster
      </button>
    </p>
    <section class="poster" aria-labelledby="poster-title">
      <h2 id="poster-title">Your duties on your phone</h2>
      <PosterCode url={meUrl} />
      <p>
        Scan with your phone's camera, or type <strong>{meUrl}</strong>
      </p>
      <p>The first time, open the personal link your manager sent you; your phone then remembers you.</p>
    </section>
  </ManagerLayout>
)
