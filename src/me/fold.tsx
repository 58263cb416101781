// One folded panel of /me's "Ask or tell the office". A native <details>, so it opens with no
// script, from the keyboard (Enter or Space on its summary) and tells a screen reader whether it
// is open. The summary carries the id an answer's redirect names (/me?leave=asked#leave), so that
// link lands on it even while it is folded; and the page opens the fold that carries an answer
// (a refusal's reasons or a success message), so the person sees what became of their form.
import type { Child, FC } from 'hono/jsx'

export const Fold: FC<{ id: string; title: string; open: boolean; children?: Child }> = ({ id, title, open, children }) => (
  <details class="fold" open={open}>
    <summary id={id}>{title}</summary>
    <section aria-labelledby={id}>{children}</section>
  </details>
)

/**
 * A form's answer is on the page: a message said once, or a refusal (its errors, which may name
 * no field when the refusal was about the whole request, so their presence alone counts).
 */
export const answered = (panel: { message?: string | undefined; errors?: Record<string, string> | undefined }): boolean =>
  panel.message !== undefined || panel.errors !== undefined
