// /me keeps its forms folded under "Ask or tell the office" (src/me/fold.tsx); a test opens one
// the way a person does, by tapping its summary, and leaves an open one as it is.
import type { Page } from 'playwright-core'

/** The fold titled `title`, e.g. "Leave", as a locator on its <details>. */
export const fold = (page: Page, title: string) => page.locator('details.fold').filter({ has: page.locator('summary', { hasText: title }) })

export async function unfold(page: Page, title: string): Promise<void> {
  const details = fold(page, title)
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click()
}
