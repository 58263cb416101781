// No function in src/ or solver/ runs past MAX_LINES lines of body: past that a reader can no
// longer hold it in their head, and its parts want names. Parsed with the TypeScript compiler
// (not a regex), so arrow functions, methods and JSX components all count.
//
// ALLOWED lists the long ones that are still waiting to be split, each with its length today.
// The list only shrinks: an entry fails the test once its function grows past the length
// given, and once it is split (or gone), so that its line is deleted with the split.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const MAX_LINES = 80

/** `path name` -> body lines today. Remove the line when the function is split. */
const ALLOWED: Record<string, number> = {}

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration

interface LongFunction {
  key: string
  line: number
  lines: number
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

function isFunction(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)
}

/** Its own name, else the name it is given to (`const f = () => ...`, `{ f: () => ... }`). */
function nameOf(node: FunctionNode, file: ts.SourceFile, line: number): string {
  if (node.name) return node.name.getText(file)
  const parent = node.parent
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text
  return `(anonymous at line ${line})`
}

function longFunctions(path: string): LongFunction[] {
  const text = readFileSync(path, 'utf8')
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: LongFunction[] = []
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const lines = node.body.getText(file).split('\n').length
      if (lines > MAX_LINES) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1
        found.push({ key: `${relative(ROOT, path)} ${nameOf(node, file, line)}`, line, lines })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

const found = ['src', 'solver'].flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap(longFunctions)

describe(`functions of at most ${MAX_LINES} lines`, () => {
  it('has none longer in src/ or solver/ but those allowed, and none of those grown', () => {
    const breaches = found.flatMap((f) => {
      const allowed = ALLOWED[f.key]
      if (allowed === undefined) return [`${f.key} (line ${f.line}): ${f.lines} lines`]
      return f.lines > allowed ? [`${f.key} (line ${f.line}): ${f.lines} lines, allowed ${allowed}`] : []
    })
    // Joined, so the failure names every one of them rather than counting them.
    expect(breaches.join('\n'), 'split these into named smaller functions').toBe('')
  })

  it('allows only functions that are still long', () => {
    const stillLong = new Set(found.map((f) => f.key))
    const stale = Object.keys(ALLOWED).filter((key) => !stillLong.has(key))
    expect(stale.join('\n'), 'split or gone: delete their lines from ALLOWED').toBe('')
  })
})
