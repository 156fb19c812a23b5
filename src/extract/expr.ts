/** Rewrite a user's C expression (claim, assumption, buffer length) into harness names. */
import { UsageError } from '../errors.js'
import { checkExpr } from './validate-expr.js'

export interface ExprEnv {
  /** source identifier → harness C text */
  readonly names: ReadonlyMap<string, string>
  /** identifiers that stay as they are (enumerators). */
  readonly keep: ReadonlySet<string>
  /** Typedef names: `(T)(x)` is a cast to them. */
  readonly types?: ReadonlySet<string>
}

export interface ExprContext {
  /** What the user wrote, for messages (`--intended 'len > 64'`). */
  readonly what: string
  readonly hint: string
  /** What these expressions are, plural, for messages; default "claims". */
  readonly noun?: string
}

/**
 * Check a (macro-expanded) expression with the one validator (validate-expr.ts: a single side-effect
 * free C expression over the function's parameters, globals and constants) and rename its names.
 */
export async function rewriteExpr(expanded: string, env: ExprEnv, ctx: ExprContext): Promise<string> {
  const r = checkExpr(expanded, {
    allows: n => env.names.has(n) || env.keep.has(n),
    unknown: 'is not a parameter, global or constant of the function',
    noun: ctx.noun ?? 'claims',
    isTypedef: n => env.types?.has(n) === true,
  })
  if (!r.ok) throw new UsageError(`${ctx.what} ${r.reason}`, { hint: ctx.hint })
  let out = expanded
  for (const n of [...r.names].sort((a, b) => b.start - a.start)) {
    const mapped = env.names.get(n.name)
    if (mapped !== undefined) out = out.slice(0, n.start) + mapped + out.slice(n.end)
  }
  return `(${out.replace(/\s+/g, ' ').trim()})`
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
