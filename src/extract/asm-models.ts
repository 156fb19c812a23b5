/**
 * Inline assembly in what a proof reaches. CBMC ignores an `asm` statement: its outputs keep whatever
 * they held and the memory it writes stays unwritten (measured: `lock xadd` leaves both operands alone,
 * `bt` leaves its flag output nondeterministic). Left as it is, an atomic increment the patch removes
 * would vanish from both versions and the proof would say `equivalent` — so no asm that computes
 * something is left as it is:
 * - the kernel's x86 primitives built on asm (atomics, bit operations, static branches, the preempt
 *   count) get C bodies with the same sequential meaning (asm-bodies.ts), replacing theirs;
 * - an asm statement with an empty template whose outputs only copy or keep inputs (RELOC_HIDE,
 *   OPTIMIZER_HIDE_VAR) becomes those assignments;
 * - any other asm statement with outputs, `asm goto`, or a non-empty template clobbering "memory" is
 *   replaced by a call of `__klp_unmodelled_asm_in_<function>()`, which has no prototype: the proof
 *   then ends `inconclusive (external-calls)` naming it, never `equivalent`.
 * Asm without outputs or memory effects (barriers, `ud2` of WARN/BUG, `nop`s) stays; cbmc skipping it
 * changes nothing a proof observes. Works on the closure text (tokens, no grammar), before parsing.
 */
import { closingToken as closing, tokenize, splitTopLevel, type Tok } from './closure-split.js'
import { scanChunk, KEYWORDS } from './closure-scan.js'
import { ASM_BODIES } from './asm-bodies.js'
import { UNMODELLED_ASM } from '../model/names.js'

const ASM: ReadonlySet<string> = new Set(['asm', '__asm__', '__asm'])
const ASM_QUALIFIER: ReadonlySet<string> = new Set(['volatile', '__volatile__', '__volatile', 'goto', 'inline', '__inline', '__inline__'])

export interface AsmReport {
  readonly text: string
  /** Functions whose body was replaced by a model, sorted. */
  readonly modelled: readonly string[]
  /** Functions with an asm statement klp-verify cannot model, sorted. */
  readonly unmodelled: readonly string[]
}

interface Operand {
  /** `[name]` of a named operand, else ''. */
  readonly name: string
  readonly constraint: string
  /** Text of the parenthesised C expression, parentheses included. */
  readonly expr: string
}

/** Split tokens [s, e) at depth-0 occurrences of `sep`. */
function splitAt(toks: readonly Tok[], s: number, e: number, sep: string): [number, number][] {
  const out: [number, number][] = []
  let from = s
  for (let j = s, depth = 0; j < e; j++) {
    const t = toks[j]!.text
    if (t === '(' || t === '[' || t === '{') depth++
    else if (t === ')' || t === ']' || t === '}') depth--
    else if (t === sep && depth === 0) {
      out.push([from, j])
      from = j + 1
    }
  }
  out.push([from, e])
  return out
}

const unquote = (s: string) => s.slice(1, -1)

function operands(text: string, toks: readonly Tok[], [s, e]: [number, number]): Operand[] {
  if (s >= e) return []
  return splitAt(toks, s, e, ',').filter(([a, b]) => a < b).map(([a, b]) => {
    let j = a
    let name = ''
    if (toks[j]!.text === '[') {
      name = toks[j + 1]?.text ?? ''
      j = closing(toks, j) + 1
    }
    let constraint = ''
    for (; j < b && toks[j]!.kind === 'str'; j++) constraint += unquote(toks[j]!.text)
    const open = toks[j]
    const expr = open ? text.slice(open.at, toks[b - 1]!.at + toks[b - 1]!.text.length) : ''
    return { name, constraint, expr }
  })
}

/** C for an asm statement (tokens [kw, close]), `undefined` when it needs no change, or `null` when it cannot be modelled. */
function modelStatement(text: string, toks: readonly Tok[], kw: number, open: number, close: number): string | undefined | null {
  const isGoto = toks.slice(kw + 1, open).some(t => t.text === 'goto')
  const sections = splitAt(toks, open + 1, close, ':')
  const template = toks.slice(sections[0]![0], sections[0]![1]).filter(t => t.kind === 'str').map(t => unquote(t.text)).join('')
  const outs = sections[1] ? operands(text, toks, sections[1]) : []
  const ins = sections[2] ? operands(text, toks, sections[2]) : []
  const clobbers = sections[3] ? toks.slice(sections[3][0], sections[3][1]).filter(t => t.kind === 'str').map(t => unquote(t.text)) : []
  const emptyTemplate = template.replace(/#[^\n]*/g, '').trim() === ''
  if (isGoto) return null
  if (outs.length === 0) return !emptyTemplate && clobbers.includes('memory') ? null : undefined
  if (!emptyTemplate) return instruction(template, outs, ins)
  // an empty template: each output keeps its value ("+") or takes the input tied to it ("0", "1", …)
  const stmts: string[] = []
  for (const [i, o] of outs.entries()) {
    if (o.constraint.startsWith('+')) continue
    const tied = ins.find(x => x.constraint === String(i))
    if (!o.constraint.startsWith('=') || !tied) return null
    stmts.push(`${o.expr} = ${tied.expr};`)
  }
  return `{ ${stmts.join(' ')} }`
}

const UNARY: Readonly<Record<string, string>> = { inc: '++', dec: '--', neg: '-', not: '~' }
const BINARY: Readonly<Record<string, string>> = { add: '+', sub: '-', and: '&', or: '|', xor: '^' }

/**
 * One x86 instruction on plain operands, as the per-cpu accessors emit it once the `%gs:` segment is
 * gone (`addl %[val], %[var]`, `incq %[var]`, `movl %[var], %[val]`), and the preemption point
 * `call __SCT__preempt_schedule*` (no effect on the state a proof sees). Anything else: null.
 */
function instruction(template: string, outs: readonly Operand[], ins: readonly Operand[]): string | null {
  const insn = template.replace(/\/\*[\s\S]*?\*\//g, '').replace(/#[^\n]*/g, '').replace(/%%/g, '%').trim()
  if (/^call\s+__SCT__preempt_schedule\w*$/.test(insn) && outs.every(o => o.constraint === '+r' && /current_stack_pointer/.test(o.expr))) return '{ }'
  const user = userAccess(insn, outs, ins)
  if (user !== undefined) return user
  const all = [...outs, ...ins]
  const ref = (r: string): Operand | undefined => (r.startsWith('%[') ? all.find(o => o.name === r.slice(2, -1)) : all[Number(r.slice(1))])
  // an operand, after an optional per-cpu segment (`%gs:%[var]`)
  const OPND = '(?:%[gf]s:)?(%\\[\\w+\\]|%\\d)'
  let m = new RegExp(`^(inc|dec|neg|not)[bwlq]?\\s+${OPND}$`).exec(insn)
  if (m) {
    const dst = ref(m[2]!)
    if (!dst || outs.length !== 1 || dst !== outs[0] || !dst.constraint.includes('m')) return null
    const op = UNARY[m[1]!]!
    return op.length === 2 ? `{ ${dst.expr}${op}; }` : `{ ${dst.expr} = ${op}${dst.expr}; }`
  }
  m = new RegExp(`^(add|sub|and|or|xor|mov)[bwlq]?\\s+${OPND}\\s*,\\s*${OPND}$`).exec(insn)
  if (!m) return null
  const src = ref(m[2]!), dst = ref(m[3]!)
  if (!src || !dst || outs.length !== 1 || dst !== outs[0] || !/^[=+]/.test(dst.constraint) || outs.includes(src)) return null
  if (m[1] === 'mov') return `{ ${dst.expr} = ${src.expr}; }`
  if (!dst.constraint.startsWith('+')) return null
  return `{ ${dst.expr} ${BINARY[m[1]!]!}= ${src.expr}; }`
}

/** The world's stand-ins for get_user/put_user (copy-in and copy-out models in templates/models/kernel.yaml). */
export const USER_ACCESS_PROTOTYPES =
  'extern unsigned long klp_get_user(void *to, const void *from, unsigned long n); extern unsigned long klp_put_user(void *to, const void *from, unsigned long n);'

/**
 * x86 get_user()/put_user(): `call __get_user_%c[size]` with the pointer in "0" and the value out in
 * "=r" (get), or the value in "r" (put), the error in the first output. They become calls of the world's
 * klp_get_user/klp_put_user (a copy of sizeof bytes that may fail, replayed like copy_from_user), and
 * the error is -EFAULT when the copy failed. undefined: not such a call; null: one of unexpected shape.
 */
function userAccess(insn: string, outs: readonly Operand[], ins: readonly Operand[]): string | null | undefined {
  const m = /^call\s+__(get|put)_user(?:_nocheck)?_%c\[size\]$/.exec(insn)
  if (!m) return undefined
  const ptr = ins.find(i => i.constraint === '0')
  const ret = outs[0]
  if (!ptr || !ret?.constraint.startsWith('=')) return null
  if (m[1] === 'get') {
    const val = outs[1]
    if (!val?.constraint.startsWith('=')) return null
    return `{ __typeof__(${val.expr}) klp_v; ${ret.expr} = klp_get_user(&klp_v, (const void *)${ptr.expr}, sizeof(klp_v)) ? -14 : 0; ${val.expr} = klp_v; }`
  }
  const val = ins.find(i => i !== ptr && i.constraint === 'r')
  if (!val) return null
  return `{ __typeof__(${val.expr}) klp_v = ${val.expr}; ${ret.expr} = klp_put_user((void *)${ptr.expr}, &klp_v, sizeof(klp_v)) ? -14 : 0; }`
}

/** Names of a function's parameters, from its prototype tokens [s, body). */
function parameterNames(toks: readonly Tok[], name: number, body: number): string[] {
  const open = toks.findIndex((t, j) => j > name && t.text === '(')
  const close = closing(toks, open)
  if (open < 0 || close > body) return []
  const out: string[] = []
  for (const [a, b] of splitAt(toks, open + 1, close, ',')) {
    const ids = toks.slice(a, b).filter(t => t.kind === 'id' && !KEYWORDS.has(t.text))
    const last = ids[ids.length - 1]
    if (last && b - a > 1) out.push(last.text)
  }
  return out
}

/** Keep a replaced range's line count: the replacement, then its newlines. */
const keepLines = (replaced: string, by: string) => by + '\n'.repeat((replaced.match(/\n/g) ?? []).length)

/** Apply the asm models to a closure's text (see the module comment). */
export function modelAsm(text: string): AsmReport {
  if (!/\b(?:asm|__asm__|__asm)\b/.test(text)) return { text, modelled: [], unmodelled: [] }
  const toks = tokenize(text).filter(t => t.kind !== 'marker')
  const edits: { start: number; end: number; text: string }[] = []
  const modelled = new Set<string>()
  const unmodelled = new Set<string>()
  for (const c of splitTopLevel(toks)) {
    if (c.kind !== 'function' || c.body === undefined) continue
    const name = scanChunk(toks, c).name
    if (!name) continue
    const body = ASM_BODIES.get(name)
    const nameAt = toks.findIndex((t, j) => j >= c.start && j < c.body! && t.text === name)
    const params = parameterNames(toks, nameAt, c.body)
    if (body && params.length === body.params) {
      const start = toks[c.body]!.at
      const end = toks[c.end - 1]!.at + 1
      const c2 = body.c.replace(/\$(\d)/g, (_, d: string) => `(${params[Number(d)]})`)
      edits.push({ start, end, text: keepLines(text.slice(start, end), `{ ${c2} }`) })
      modelled.add(name)
      continue
    }
    for (let j = c.body; j < c.end; j++) {
      if (!ASM.has(toks[j]!.text)) continue
      let open = j + 1
      while (open < c.end && ASM_QUALIFIER.has(toks[open]!.text)) open++
      if (toks[open]?.text !== '(') continue
      const close = closing(toks, open)
      const model = modelStatement(text, toks, j, open, close)
      const start = toks[j]!.at
      const end = toks[close]!.at + 1
      if (model === null) {
        unmodelled.add(name)
        edits.push({ start, end, text: keepLines(text.slice(start, end), `${UNMODELLED_ASM}${name}()`) })
      } else if (model !== undefined) {
        edits.push({ start, end, text: keepLines(text.slice(start, end), model) })
      }
      j = close
    }
  }
  edits.sort((a, b) => a.start - b.start)
  let out = ''
  let pos = 0
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  out += text.slice(pos)
  // the user-access stand-ins are declared once, before the first line marker (no line moves)
  // (a line of its own before a leading line marker, which then numbers what follows; else on line 1)
  if (/\bklp_(?:get|put)_user\(/.test(out) && !text.includes(USER_ACCESS_PROTOTYPES)) out = `${USER_ACCESS_PROTOTYPES}${out.startsWith('#') ? '\n' : ' '}${out}`
  return { text: out, modelled: [...modelled].sort(), unmodelled: [...unmodelled].sort() }
}
