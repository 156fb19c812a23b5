/**
 * Shared callees as world functions: each version's definition of an unchanged callee keeps its
 * name and signature but its body becomes one call to the world function `klp_sh_<f>`, which both
 * versions call. The world treats it as an uninterpreted external: the k-th call in the new version
 * gets the answer of the old version's k-th call when the arguments match (its closure is identical
 * and its effects are its answer, extract/shared-callees.ts), and every call is in the call log, so
 * a different call sequence or argument still shows as a difference. Pure.
 */
import { splitTopLevel, tokenize } from '../extract/closure-split.js'
import { scanChunk } from '../extract/closure-scan.js'
import type { SharedCallee } from '../extract/shared-callees.js'
import type { FunctionPair, VersionUnit } from '../extract/types.js'
import { applyEdits, type Edit } from '../extract/edits.js'

const TYPE_NAME = 'KLP_TYPE_NAME'

/** `typedef`s and the prototype of the world function, written before the definition (on its line). */
function prototype(c: SharedCallee, prefix: string): string {
  const t = (j: number | 'r') => `${prefix}sh_${c.name}_${j === 'r' ? 'r' : `p${j}`}_t`
  const sig = c.signature
  const typedefs = [...sig.params.map((p, j) => `typedef ${p.typedefText.replace(TYPE_NAME, t(j))};`), `typedef ${sig.returnTypedef.replace(TYPE_NAME, t('r'))};`]
  const params = sig.params.length ? sig.params.map((_, j) => t(j)).join(', ') : 'void'
  return `${typedefs.join(' ')} extern ${t('r')} ${c.stub}(${params}); `
}

function isVoid(c: SharedCallee): boolean {
  const r = c.signature.returnType
  return r.kind === 'opaque' && r.text === 'void'
}

/**
 * One version's text with each shared callee's body replaced by a call to its world function (line
 * count kept: the lines after it still map to the user's file), or undefined when a definition is not
 * where the renamed text should have it.
 */
export function abstractText(text: string, version: Pick<VersionUnit, 'functions' | 'prefix'>, callees: readonly SharedCallee[]): string | undefined {
  const toks = tokenize(text).filter(t => t.kind !== 'marker')
  const chunks = splitTopLevel(toks)
  const edits: Edit[] = []
  for (const c of callees) {
    const renamed = version.functions.get(c.name)
    const at = chunks.filter(ch => ch.kind === 'function' && ch.body !== undefined && scanChunk(toks, ch).name === renamed)
    if (!renamed || at.length !== 1) return undefined
    const ch = at[0]!
    const start = toks[ch.body!]!.at
    const last = toks[ch.end - 1]!
    const end = last.at + last.text.length
    // a float argument goes as its bits (klp_b<j>: the same bits are the same input)
    const puns = c.params.map((p, j) => (p.bits ? `union { __typeof__(${p.name}) f; ${p.bits} u; } klp_b${j} = { ${p.name} }; ` : '')).join('')
    const call = `${c.stub}(${c.params.map((p, j) => (p.bits ? `klp_b${j}.u` : p.name)).join(', ')})`
    const lines = '\n'.repeat((text.slice(start, end).match(/\n/g) ?? []).length)
    edits.push({ start: toks[ch.start]!.at, end: toks[ch.start]!.at, text: prototype(c, version.prefix) })
    edits.push({ start, end, text: `{ /* klp-verify: unchanged, shared by both versions */ ${puns}${isVoid(c) ? `${call};` : `return ${call};`} }${lines}` })
  }
  return applyEdits(text, edits.sort((a, b) => a.start - b.start))
}

/**
 * The target's own text with its direct recursive calls going to its world function (the induction
 * hypothesis): the outer call runs the version's body, every inner call is shared; undefined when the
 * definition is not where the renamed text should have it.
 */
export function inductionText(text: string, version: Pick<VersionUnit, 'functions' | 'prefix'>, c: SharedCallee): string | undefined {
  const toks = tokenize(text).filter(t => t.kind !== 'marker')
  const renamed = version.functions.get(c.name)
  const at = splitTopLevel(toks).filter(ch => ch.kind === 'function' && ch.body !== undefined && scanChunk(toks, ch).name === renamed)
  if (!renamed || at.length !== 1) return undefined
  const ch = at[0]!
  const edits: Edit[] = [{ start: toks[ch.start]!.at, end: toks[ch.start]!.at, text: prototype(c, version.prefix) }]
  for (let i = ch.body!; i < ch.end; i++) {
    const t = toks[i]!
    if (t.kind !== 'id' || t.text !== renamed || toks[i - 1]?.text === '.' || toks[i - 1]?.text === '->') continue
    edits.push({ start: t.at, end: t.at + t.text.length, text: c.stub })
  }
  return applyEdits(text, edits)
}

/**
 * The pair with its shared callees abstracted (their world functions added to the externals), or
 * undefined when there is nothing to share or a definition could not be rewritten (then inline).
 */
export function abstractSharedCallees(pair: FunctionPair): FunctionPair | undefined {
  const callees = pair.sharedCallees?.callees ?? []
  const rec = pair.sharedCallees?.recursion
  if (callees.length === 0 && !rec) return undefined
  const rewrite = (v: VersionUnit) => {
    const t = abstractText(v.text, v, callees)
    return t !== undefined && rec ? inductionText(t, v, rec) : t
  }
  const oldText = rewrite(pair.old)
  const newText = rewrite(pair.new)
  if (oldText === undefined || newText === undefined) return undefined
  return {
    ...pair,
    old: { ...pair.old, text: oldText },
    new: { ...pair.new, text: newText },
    externals: {
      ...pair.externals,
      externals: [...pair.externals.externals, ...[...callees, ...(rec ? [rec] : [])].map(c => ({ name: c.stub, signature: c.signature, calledBy: ['old', 'new'] as const }))],
    },
  }
}
