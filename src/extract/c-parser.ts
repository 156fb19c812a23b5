/** The one place tree-sitter is loaded. web-tree-sitter + the grammar's .wasm: no native build. */
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter'
import { checkpoint } from './checkpoint.js'

export type { Node, Tree }

let languagePromise: Promise<Language> | undefined
let parserPromise: Promise<Parser> | undefined

async function loadLanguage(): Promise<Language> {
  const require = createRequire(import.meta.url)
  await Parser.init()
  return Language.load(require.resolve('tree-sitter-c/tree-sitter-c.wasm'))
}

async function loadParser(): Promise<Parser> {
  languagePromise ??= loadLanguage()
  const language = await languagePromise
  const parser = new Parser()
  parser.setLanguage(language)
  return parser
}

/** Texts up to this size are parsed in one go; larger ones in slices (see parseC). */
export const SLICE_ABOVE = 256 * 1024
/** Longest stretch a big parse keeps the event loop busy. */
export const SLICE_MS = 50

/**
 * Parse C text (preprocessed or not). A big text (a file of many thousands of functions) is parsed
 * in slices of ~50 ms with the event loop free in between, so a signal is handled at once:
 * tree-sitter resumes a parse its progress callback stopped when called again with the same input.
 * Each big parse has its own parser (two versions are parsed at the same time).
 */
export async function parseC(text: string, signal?: AbortSignal): Promise<Tree> {
  if (text.length <= SLICE_ABOVE) {
    parserPromise ??= loadParser()
    const parser = await parserPromise
    const tree = parser.parse(text)
    /* c8 ignore next -- parse() only returns null when cancelled, which it is not without a callback */
    if (!tree) throw new Error('tree-sitter returned no tree')
    return tree
  }
  const parser = await loadParser()
  try {
    for (;;) {
      await checkpoint(signal)
      const start = performance.now()
      const tree = parser.parse(text, null, { progressCallback: () => performance.now() - start > SLICE_MS })
      if (tree) return tree
    }
  } finally {
    parser.delete()
  }
}

/**
 * First syntax error in a tree, as a 1-based line and the offending text, or undefined.
 * `accept` (given the 1-based line) skips errors elsewhere, e.g. in system headers.
 */
export function firstSyntaxError(root: Node, accept: (line: number) => boolean = () => true): { line: number; column: number; text: string } | undefined {
  if (!root.hasError) return undefined
  const stack: Node[] = [root]
  while (stack.length) {
    const n = stack.pop()!
    if ((n.isError || n.isMissing) && accept(n.startPosition.row + 1)) {
      return { line: n.startPosition.row + 1, column: n.startPosition.column + 1, text: n.isMissing ? `missing ${n.type}` : n.text.slice(0, 40) }
    }
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i)
      if (c && c.hasError) stack.push(c)
    }
  }
  return undefined
}
