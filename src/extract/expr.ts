/** Rewrite a user's C expression (claim, assumption, buffer length) into harness names. */
import { UsageError } from '../errors.js'
import { firstSyntaxError, parseC, type Node } from './c-parser.js'

export interface ExprEnv {
  /** source identifier → harness C text */
  readonly names: ReadonlyMap<string, string>
  /** identifiers that stay as they are (enumerators). */
  readonly keep: ReadonlySet<string>
}

export interface ExprContext {
  /** What the user wrote, for messages (`--intended 'len > 64'`). */
  readonly what: string
  readonly hint: string
}

const PREFIX = 'void __klp_expr(void) { __klp_v = ('
const SUFFIX = '); }'

export async function rewriteExpr(expanded: string, env: ExprEnv, ctx: ExprContext): Promise<string> {
  if (expanded.trim() === '') throw new UsageError(`${ctx.what} is empty`, { hint: ctx.hint })
  const text = PREFIX + expanded + SUFFIX
  const tree = await parseC(text)
  const err = firstSyntaxError(tree.rootNode)
  const body = tree.rootNode.namedChildren[0]?.childForFieldName('body')
  const assign = body?.namedChildren[0]?.namedChildren[0]
  const value = assign?.type === 'assignment_expression' ? assign.childForFieldName('right') : null
  if (err || !value || value.endIndex !== text.length - SUFFIX.length + 1) {
    throw new UsageError(`${ctx.what} is not a C expression${err ? ` (near '${err.text}')` : ''}`, { hint: ctx.hint })
  }
  const edits: { start: number; end: number; text: string }[] = []
  const visit = (n: Node) => {
    if (n.type === 'identifier') {
      const mapped = env.names.get(n.text)
      if (mapped !== undefined) edits.push({ start: n.startIndex, end: n.endIndex, text: mapped })
      else if (!env.keep.has(n.text) && !n.text.startsWith('__builtin')) {
        throw new UsageError(`${ctx.what} uses '${n.text}', which is not a parameter, global or constant of the function`, { hint: ctx.hint })
      }
      return
    }
    if (n.type === 'call_expression') {
      throw new UsageError(`${ctx.what} calls a function (${n.childForFieldName('function')!.text}); claims are side-effect free C expressions`, { hint: ctx.hint })
    }
    if (n.type === 'assignment_expression' || n.type === 'update_expression') {
      throw new UsageError(`${ctx.what} assigns (${n.text}); claims are side-effect free C expressions (did you mean '=='?)`, { hint: ctx.hint })
    }
    for (const c of n.namedChildren) visit(c)
  }
  visit(value)
  let out = text
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return `(${out.slice(PREFIX.length, out.length - SUFFIX.length).trim()})`
}

/** Split `WHEN => THEN` at a top-level `=>` (not inside parentheses, strings or chars). */
export function splitClaim(src: string): { when: string; then?: string } {
  const arrows: number[] = []
  let depth = 0
  let quote: string | null = null
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (c === '=' && src[i + 1] === '>' && depth === 0 && !/[=<>!]/.test(src[i - 1] ?? '')) arrows.push(i)
  }
  if (arrows.length === 0) return { when: src.trim() }
  const hint = "write --intended 'WHEN => THEN'"
  if (arrows.length > 1) throw new UsageError(`claim '${src}' has more than one '=>'`, { hint })
  const when = src.slice(0, arrows[0]).trim()
  const then = src.slice(arrows[0]! + 2).trim()
  if (!when) throw new UsageError(`claim '${src}' has no WHEN before '=>'`, { hint })
  if (!then) throw new UsageError(`claim '${src}' has no THEN after '=>'`, { hint: `${hint} or just 'WHEN'` })
  return { when, then }
}
