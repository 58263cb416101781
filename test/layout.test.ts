// The test tree's two rules, kept by a test so a new helper cannot quietly break them: a feature
// folder holds only test files, and whatever tests share lives in test/support/ (a test file
// imported by another would run its tests twice and hide a helper among tests).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'

const TEST = import.meta.dirname
const SUPPORT = join(TEST, 'support')
const files = readdirSync(TEST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
const isTest = (file: string) => /\.test\.tsx?$/.test(file)
const inSupport = (file: string) => file.startsWith(`${SUPPORT}/`)
const rel = (file: string) => relative(TEST, file)

it('has only test files outside test/support/, and no test file inside it', () => {
  expect(files.filter((f) => isTest(f) === inSupport(f)).map(rel)).toEqual([])
})

it('imports nothing from test/ but test/support/', () => {
  const wrong: string[] = []
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), spec ?? '')
      if (target.startsWith(`${TEST}/`) && !inSupport(target)) wrong.push(`${rel(file)} imports ${rel(target)}`)
    }
  }
  expect(wrong).toEqual([])
})
