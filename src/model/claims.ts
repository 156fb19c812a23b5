/**
 * The user's expressions (claims, assumptions, buffer lengths, held locks) as harness C: the names
 * each may use at its point of the proof, `@f(k)` world references, and the checks on the source
 * text before gcc -E expands it. Pure.
 */
import { UsageError } from '../errors.js'
import { rewriteExpr, type ExprEnv } from '../extract/expr.js'
import { checkRawExpr } from '../extract/validate-expr.js'
import type { FunctionPair, GlobalVar, VersionUnit } from '../extract/types.js'
import type { ExternalsResult } from '../extract/externals.js'
import { VAR, WORLD, WORLD_REF_PREFIX } from './names.js'
import type { Claim, ClaimSource } from './types.js'

/** What the model needs of an extracted pair (a FunctionPair is one). */
export interface PairFacts {
  readonly func: string
  readonly signature: FunctionPair['signature']
  readonly old: Pick<VersionUnit, 'globals' | 'enumerators' | 'typedefs'>
  readonly new: Pick<VersionUnit, 'globals' | 'enumerators' | 'typedefs'>
  readonly externals: Pick<ExternalsResult, 'externals'>
  /** The expressions of exprList(), macro-expanded in each version's context, in that order. */
  readonly expanded: FunctionPair['expanded']
}

export const HINT_ENTRY = 'use the function parameters and globals (at entry); e.g. --intended \'len > 64 => ret == -EINVAL\''
export const HINT_EXIT = 'THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)'
export const HINT_BUFFER = 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'
export const HINT_HELD = 'write the lock the caller holds as a pointer expression, e.g. "&o->lock"'

/** A source expression checked as written (validate-expr.ts checkRawExpr), before gcc -E sees it. */
export function checkSource(text: string, what: string, hint: string, noun = 'claims'): void {
  const r = checkRawExpr(text, noun)
  if (!r.ok) throw new UsageError(`${what} ${r.reason}`, { hint })
}

/**
 * Claims about the world: `@blob_fill(1)` is what the first call of blob_fill() returned in the
 * old run (0 if there was no such call). `@` is not C, so this cannot clash with C; it becomes an
 * identifier the preprocessor leaves alone, and then harness C.
 */
export function worldRefs(expr: string): string {
  return expr.replace(/@\s*([A-Za-z_]\w*)\s*\(\s*(\d+)\s*\)/g, (_, f: string, k: string) => `${WORLD_REF_PREFIX}${f}__${k}`)
}

const WORLD_REF = new RegExp(`${WORLD_REF_PREFIX}([A-Za-z_]\\w*?)__(\\d+)(?!\\w)`, 'g')

/** The world references in an expanded WHEN, each as the harness C reading the old run's answer. */
export function worldNames(expanded: string, pair: PairFacts, what: string): Map<string, string> {
  const out = new Map<string, string>()
  const called = pair.externals.externals
  for (const m of expanded.matchAll(WORLD_REF)) {
    const [id, f, k] = m as unknown as [string, string, string]
    const ext = called.find(e => e.name === f)
    if (ext && ext.signature.returnType.kind === 'opaque' && ext.signature.returnType.text === 'void') {
      throw new UsageError(`${what} asks about @${f}(${k}), but ${f}() returns nothing`, { hint: 'ask about a function that returns a value' })
    }
    if (!ext) {
      throw new UsageError(`${what} asks about @${f}(${k}), but ${f}() is not an external function ${pair.func}() calls`, {
        hint: `external functions called: ${called.map(e => e.name).join(', ') || 'none'}`,
      })
    }
    if (Number(k) < 1) throw new UsageError(`${what}: @${f}(${k}) counts calls from 1`, { hint: `write @${f}(1) for the first call` })
    out.set(id, `(${WORLD.calls(f)}[0] >= ${k} ? ${WORLD.answers(f)}[0][${Number(k) - 1}] : 0)`)
  }
  return out
}

/** The names an expression may use at each point of the proof. */
export interface ExprEnvs {
  /** At entry (assumptions, WHEN, held locks in the old copy): parameters and the old globals. */
  readonly entry: ExprEnv
  /** At entry, in the new version's copy of the state (held locks). */
  readonly entryNew: ExprEnv
  /** After both runs (THEN): the new globals, the new copies of pointer parameters, ret and old_ret. */
  readonly exit: ExprEnv
  /** Buffer lengths: the scalar parameters only. */
  readonly lengths: ExprEnv
  readonly isVoid: boolean
}

function globalNames(globals: readonly GlobalVar[]): [string, string][] {
  return globals.filter(g => !g.staticLocalOf).map(g => [g.name, g.cName])
}

export function exprEnvs(pair: PairFacts): ExprEnvs {
  const sig = pair.signature
  const isVoid = sig.returnType.kind === 'opaque' && sig.returnType.text === 'void'
  const paramsNew = sig.params.map(p => [p.name, p.type.kind === 'pointer' ? VAR.newParam(p.name) : p.name] as [string, string])
  const rets: [string, string][] = isVoid ? [] : [['ret', VAR.retNew], ['old_ret', VAR.retOld]]
  return {
    entry: { names: new Map([...globalNames(pair.old.globals), ...sig.params.map(p => [p.name, p.name] as [string, string])]), keep: pair.old.enumerators, types: pair.old.typedefs },
    entryNew: { names: new Map([...globalNames(pair.new.globals), ...paramsNew]), keep: pair.new.enumerators, types: pair.new.typedefs },
    exit: { names: new Map([...globalNames(pair.new.globals), ...paramsNew, ...rets]), keep: pair.new.enumerators, types: pair.new.typedefs },
    lengths: { names: new Map(sig.params.filter(p => p.type.kind !== 'pointer').map(p => [p.name, p.name])), keep: pair.old.enumerators, types: pair.old.typedefs },
    isVoid,
  }
}

/** One claim: WHEN (expanded in the old version's context) and THEN (in the new one's) as harness C. */
export async function buildClaim(c: ClaimSource, whenText: string, thenText: string, pair: PairFacts, envs: ExprEnvs): Promise<Claim> {
  const world = worldNames(whenText, pair, `WHEN of claim ${c.id}`)
  const whenEnv = world.size ? { ...envs.entry, names: new Map([...envs.entry.names, ...world]) } : envs.entry
  const when = await rewriteExpr(whenText, whenEnv, { what: `WHEN of claim ${c.id} ('${c.when}')`, hint: HINT_ENTRY })
  const thenHint = envs.isVoid ? `${pair.func}() returns void, so there is no ret; ${HINT_EXIT}` : HINT_EXIT
  const then = c.then === undefined ? undefined : await rewriteExpr(thenText, envs.exit, { what: `THEN of claim ${c.id} ('${c.then}')`, hint: thenHint })
  return {
    id: c.id,
    source: c.then === undefined ? { when: c.when } : { when: c.when, then: c.then },
    when, then, differs: c.differs, ...(world.size ? { world: true } : {}),
  }
}
