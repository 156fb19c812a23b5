/** The one place tree-sitter is loaded. web-tree-sitter + the grammar's .wasm: no native build. */
import { createRequire } from 'node:module'
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter'

export type { Node, Tree }

let parserPromise: Promise<Parser> | undefined

async function loadParser(): Promise<Parser> {
  const require = createRequire(import.meta.url)
  await Parser.init()
  const lang = await Language.load(require.resolve('tree-sitter-c/tree-sitter-c.wasm'))
  const parser = new Parser()
  parser.setLanguage(lang)
  return parser
}

/** Parse C text (preprocessed or not). The tree is never null for string input. */
export async function parseC(text: string): Promise<Tree> {
  parserPromise ??= loadParser()
  const parser = await parserPromise
  const tree = parser.parse(text)
  /* c8 ignore next -- parse() only returns null when cancelled, which we never do */
  if (!tree) throw new Error('tree-sitter returned no tree')
  return tree
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
