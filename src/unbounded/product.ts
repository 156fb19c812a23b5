/**
 * The product program of two loop shapes (shape.ts) and its candidate coupling invariants (issue #12).
 *
 * Both versions run in one function over the same inputs: their code before the loop, then one loop
 * whose iteration runs each version's iteration while its own condition holds (a guarded product:
 * sound whether or not the loops run in lockstep; a loop that has ended never evaluates its condition
 * again, which may have side effects), then their code after it, and the returned values are compared. The loop carries CBMC's own loop contract (`__CPROVER_loop_invariant`), which
 * goto-instrument checks (before entry and preserved by an iteration) before using it in place of the
 * loop: when every property holds, the versions return the same value for every iteration count.
 *
 * Each candidate is also asserted on its own, before the loop and after an iteration, labelled
 * `KLP_CAND <i>`: a run names the candidates that do not hold, and Houdini drops them (houdini.ts).
 *
 * Pure: text in, text out.
 */
import type { LoopShape, LoopVar } from './shape.js'

export const OLD_PREFIX = 'klp_po_'
/** The largest buffer the product allocates, in bytes (the report states it). */
export const MAX_BYTES = 2 ** 40
export const NEW_PREFIX = 'klp_pn_'

export interface ProductInput {
  readonly old: LoopShape
  readonly new: LoopShape
  /** `--buffer p:len`: pointer parameter → the parameter holding its element count. */
  readonly buffers: Readonly<Record<string, string>>
  /** `typedef <return type> klp_ret_t;` or undefined for a void function. */
  readonly retTypedef?: string
}

export type Prepared = { readonly candidates: readonly string[] } | { readonly unsupported: string }

/** Why two shapes cannot be run as one product, or undefined. */
export function productProblem(p: ProductInput): string | undefined {
  const { old: o, new: n } = p
  if (o.params.length !== n.params.length || o.params.some((x, i) => x.name !== n.params[i]!.name || x.type !== n.params[i]!.type)) return 'the versions\' parameters differ'
  for (const x of o.params) {
    if (x.kind === 'ptr' && !p.buffers[x.name]) return `pointer parameter ${x.name} has no --buffer length`
    if (x.kind === 'other') return `parameter ${x.name} is not an integer or a pointer`
  }
  for (const [b, len] of Object.entries(p.buffers)) {
    const lp = o.params.find(x => x.name === len)
    if (!o.params.some(x => x.name === b && x.kind === 'ptr') || lp?.kind !== 'int') return `--buffer ${b}:${len} is not a pointer and an integer parameter`
  }
  if ((o.ret === undefined) !== (n.ret === undefined) || (o.ret !== undefined && !p.retTypedef)) return 'the versions return differently'
  return undefined
}

const norm = (t: string) => t.replace(/\b(const|volatile)\b/g, '').replace(/\s+/g, ' ').trim()

/**
 * Candidate relations at the loop head: the loops run (or stop) together, each flag is its condition;
 * equal integers and pointers across
 * the versions; a pointer is a parameter pointer plus an integer (a pointer walk against an index);
 * one integer is at most another. All are checked, none is trusted.
 */
export function candidates(o: LoopShape, n: LoopShape): string[] {
  // the flags hold each loop's last evaluated condition; a condition with side effects is never
  // evaluated again in a candidate
  const out: string[] = [
    'klp_go_o == klp_go_n',
    ...(o.condPure ? [`klp_go_o == ((${o.cond}) != 0)`] : []),
    ...(n.condPure ? [`klp_go_n == ((${n.cond}) != 0)`] : []),
  ]
  const all = [...o.vars, ...n.vars]
  const ints = all.filter(v => v.kind === 'int')
  const ptrs = all.filter(v => v.kind === 'ptr')
  const bases = ptrs.filter(v => v.param)
  for (const a of o.vars) {
    for (const b of n.vars) {
      if (a.kind === 'int' && b.kind === 'int') out.push(`${a.name} == ${b.name}`)
      if (a.kind === 'ptr' && b.kind === 'ptr' && norm(a.pointee!) === norm(b.pointee!)) out.push(`${a.name} == ${b.name}`)
    }
  }
  // a walked pointer (a parameter too: `s++`) against a base and an index; also only while its loop
  // runs, and one ahead then (a condition like `*s++ != 0` moves it before each iteration)
  const flag = (v: LoopVar) => (o.vars.includes(v) ? 'klp_go_o' : 'klp_go_n')
  for (const q of ptrs) {
    for (const b of bases) {
      if (q === b || norm(q.pointee!) !== norm(b.pointee!)) continue
      for (const k of ints) {
        out.push(`${q.name} == ${b.name} + ${k.name}`, `!${flag(q)} || ${q.name} == ${b.name} + ${k.name}`, `!${flag(q)} || ${q.name} == ${b.name} + ${k.name} + 1`)
      }
    }
  }
  for (const a of ints) for (const b of ints) if (a !== b) out.push(`${a.name} <= ${b.name}`)
  return [...new Set(out)]
}

function declareParam(v: { name: string; type: string }, prefix: string): string {
  return `  ${v.type} ${prefix}${v.name} = ${v.name};`
}

const CHECKS_OFF = ['bounds', 'pointer', 'pointer-primitive', 'pointer-overflow', 'signed-overflow', 'unsigned-overflow', 'conversion', 'undefined-shift', 'div-by-zero', 'float-overflow', 'nan']

/** The candidates' own assertions: checks of the expressions themselves are off (they only read). */
function asserts(cands: readonly string[], ids: readonly number[]): string {
  if (ids.length === 0) return ''
  return [
    '#pragma CPROVER check push',
    ...CHECKS_OFF.map(c => `#pragma CPROVER check disable "${c}"`),
    ...ids.map(i => `    __CPROVER_assert(${cands[i]}, "KLP_CAND ${i}");`),
    '#pragma CPROVER check pop',
  ].join('\n')
}

/** Iterations of each version per product iteration: `[1, 1]` lockstep, `[2, 1]` the old loop runs twice per new one (new unrolled by two). */
export type Ratio = readonly [number, number]

/** Steps by two: `+= 2`, or an element `[i + 1]` read beside `[i]` (what an unrolled loop does). */
const BY_TWO = /\+=\s*2\b|\[\s*\w+\s*\+\s*1\s*\]/

/**
 * The alignments worth trying, lockstep first: a 2:1 product only when the new loop steps by two and
 * the old one does not (or 1:2 the other way round) — an attempt that cannot hold costs cbmc runs.
 */
export function ratiosFor(o: LoopShape, n: LoopShape): Ratio[] {
  const a = BY_TWO.test(`${o.body}\n${o.update}`)
  const b = BY_TWO.test(`${n.body}\n${n.update}`)
  return [[1, 1], ...(b && !a ? [[2, 1] as const] : []), ...(a && !b ? [[1, 2] as const] : [])]
}

/**
 * The product's C text with the candidates `keep` (indexes into `cands`) as the loop invariant. The
 * product loop runs while both loops run, `ratio` iterations of each per round (each only while its
 * own condition holds); what is left of either loop then runs on its own, unwound by cbmc, whose
 * unwinding assertions make sure it is only a few iterations (a remainder step of an unrolled loop).
 */
export function renderProduct(p: ProductInput, cands: readonly string[], keep: readonly number[], entry = 'klp_product', ratio: Ratio = [1, 1]): string {
  const { old: o, new: n } = p
  const inv = keep.length ? keep.map(i => `(${cands[i]})`).join(' && ') : '1'
  const lines: string[] = []
  if (p.retTypedef) lines.push(p.retTypedef)
  lines.push(`void ${entry}(void)`, '{')
  // inputs: each parameter once, shared by both versions; buffers of any length, read only
  for (const x of o.params) {
    if (x.kind === 'int') lines.push(`  ${x.type} ${x.name};`)
  }
  for (const x of o.params) {
    if (x.kind !== 'ptr') continue
    const len = p.buffers[x.name]!
    // any length whose buffer fits in memory (2^40 bytes: more than any kernel object; no size overflow)
    lines.push(`  __CPROVER_assume(${len} >= 0 && (unsigned long)${len} <= ${MAX_BYTES}UL / sizeof(*(${x.type})0));`)
    lines.push(`  ${x.type} ${x.name} = (${x.type})__CPROVER_allocate(sizeof(*${x.name}) * (unsigned long)${len}, 0);`)
  }
  for (const x of o.params) lines.push(declareParam(x, OLD_PREFIX))
  for (const x of n.params) lines.push(declareParam(x, NEW_PREFIX))
  if (p.retTypedef) lines.push('  klp_ret_t klp_ret_o, klp_ret_n;')
  // whether each loop runs another iteration: its condition, evaluated when the original evaluates it
  // (before the first iteration and after each), never again once the loop has ended
  lines.push('  _Bool klp_go_o, klp_go_n;')
  lines.push('  /* old, then new, up to the loop */', indent(o.pre), indent(n.pre))
  lines.push(`  klp_go_o = (${o.cond}) != 0;`, `  klp_go_n = (${n.cond}) != 0;`)
  lines.push(asserts(cands, keep))
  lines.push('  while (1)', `    __CPROVER_loop_invariant(${inv})`, '  {')
  lines.push('    if (!klp_go_o || !klp_go_n) break;')
  for (let k = 0; k < ratio[0]; k++) lines.push('    if (klp_go_o) {', ...iteration(o, 'klp_go_o', 6), '    }')
  for (let k = 0; k < ratio[1]; k++) lines.push('    if (klp_go_n) {', ...iteration(n, 'klp_go_n', 6), '    }')
  lines.push(asserts(cands, keep), '  }')
  lines.push('  /* what is left of either loop */')
  lines.push('  while (klp_go_o) {', ...iteration(o, 'klp_go_o', 4), '  }')
  lines.push('  while (klp_go_n) {', ...iteration(n, 'klp_go_n', 4), '  }')
  lines.push('  /* after the loop */', indent(o.post), indent(n.post))
  if (p.retTypedef) {
    lines.push(`  klp_ret_o = ${o.ret};`, `  klp_ret_n = ${n.ret};`, '  __CPROVER_assert(klp_ret_o == klp_ret_n, "KLP_EQ return");')
  }
  lines.push('}', '')
  return lines.join('\n')
}

/**
 * One iteration of a loop: its body in a block of its own (a name the body declares must not capture
 * the update or the condition, as it does not in the original), the update, the next condition.
 */
function iteration(l: LoopShape, flag: string, by: number): string[] {
  const pad = ' '.repeat(by)
  return [`${pad}{`, indent(l.body, by + 2), `${pad}}`, ...(l.update ? [indent(l.update, by)] : []), `${pad}${flag} = (${l.cond}) != 0;`]
}

function indent(text: string, by = 2): string {
  return text.split('\n').map(l => (l.startsWith('#') || !l ? l : ' '.repeat(by) + l)).join('\n')
}

export type { LoopVar }
