// axe-core on a page in the browser stories: the WCAG 2.2 AA rules, each violation named with
// the elements it was found on. axe goes in through the DevTools protocol, which the page's CSP
// does not govern, so a page is checked under its real headers.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** "rule-id: help (selector, selector)" for each violation; empty when axe finds none. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[]
  }
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}
