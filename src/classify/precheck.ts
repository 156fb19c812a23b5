/**
 * Verdicts decided before any verification run (pure): facts from extraction (type changes) and from
 * cbmc loading the harness program (`--list-goto-functions`: loaded, out of memory, out of time,
 * functions without a body). The orchestrator gathers the facts; this module judges them.
 */
import path from 'node:path'
import { parseCbmcJson, parseGotoFunctions } from '../cbmc/parse.js'
import type { CbmcRun } from '../cbmc/types.js'
import type { ObservableKind } from '../model/types.js'
import { ENTRY, PREFIX, UNMODELLED_ASM } from '../model/names.js'
import { saysOutOfMemory, signalCause } from './job.js'
import type { VerdictParts } from './verdict.js'

/** What cbmc made of the harness program when it loaded it. */
export type ProgramLoad =
  | { readonly status: 'loaded'; readonly missingBodies: readonly string[] }
  | { readonly status: 'timeout' }
  | { readonly status: 'out-of-memory' }
  /** cbmc could not build or run it: no verdict about the code, the proof stops with an error. */
  | { readonly status: 'failed'; readonly error: string; readonly hint: string }

/** A load that gives a verdict or lets the runs decide (a failed one stops the proof with an error). */
export type LoadFacts = Exclude<ProgramLoad, { readonly status: 'failed' }>

export interface LoadContext {
  /** The function under proof (source name). */
  readonly func: string
  /** The renamed entry points of both versions: each must be in the program with a body. */
  readonly entries: readonly string[]
  /** Functions the proved code can reach: only their missing bodies count. */
  readonly referenced: readonly string[]
  /** A --memory cap was set: then a failed load with no output at all is out of memory too. */
  readonly capped: boolean
}

/** Read one `--list-goto-functions` run into a ProgramLoad. */
export function readProgramLoad(run: CbmcRun, ctx: LoadContext): ProgramLoad {
  if (run.termination === 'timeout') return { status: 'timeout' }
  const { messages } = parseCbmcJson(run.stdout)
  // under a --memory cap cbmc may not even load (the loader cannot map it) or parse the program
  if (ctx.capped && run.exitCode !== 0 && (!run.stdout.trim() || saysOutOfMemory(run, messages))) return { status: 'out-of-memory' }
  // a cbmc that died of a signal did not judge the code: say what stopped it
  if (run.termination === 'exited' && run.signal && !saysOutOfMemory(run, messages)) {
    const { error, hint } = signalCause(run.signal)
    return { status: 'failed', error: `${error} while building the harness for ${ctx.func}()`, hint }
  }
  if (run.termination === 'spawn-failed' || run.termination === 'max-buffer') {
    return {
      status: 'failed', error: `cbmc could not run to build the harness for ${ctx.func}() (${run.termination})${run.error ? `: ${run.error}` : ''}`,
      hint: 'check that the cbmc klp-verify found (--cbmc, $KLP_CBMC) runs',
    }
  }
  const fns = parseGotoFunctions(run.stdout)
  if (!Array.isArray(fns)) {
    const errs = messages.filter(m => m.type === 'ERROR').map(m => `${m.location?.file ? `${path.basename(m.location.file)}:${m.location.line ?? '?'}: ` : ''}${m.text}`)
    return {
      status: 'failed', error: `cbmc cannot build the harness for ${ctx.func}(): ${errs.slice(0, 3).join('; ') || fns.reason}`,
      hint: errs.some(e => /klp-harness/.test(e)) ? 'this is likely a klp-verify bug: re-run with --keep-harness DIR and report it' : 'CBMC\'s C front end rejected the code; check -D/-I/--cflags, or simplify the construct',
    }
  }
  // both versions must really be in the program (a silently shadowed copy would prove old ≡ old)
  const missingEntry = ctx.entries.find(e => !fns.some(f => f.name === e && f.isBodyAvailable))
  if (missingEntry !== undefined) {
    return { status: 'failed', error: `the harness program lacks ${missingEntry}; the two versions did not both get linked`, hint: 'this is a klp-verify bug: re-run with --keep-harness DIR and report it' }
  }
  const reached = new Set(ctx.referenced)
  const missingBodies = fns
    .filter(f => !f.isBodyAvailable && !f.isInternal && !f.name.startsWith('__CPROVER') && f.name !== ENTRY)
    .map(f => f.name.replace(new RegExp(`^(${PREFIX.old}|${PREFIX.new})`), ''))
    .filter((n, i, a) => a.indexOf(n) === i)
    // only what the proved code can reach: the file's other functions may call anything
    .filter(n => reached.has(n))
    .sort()
  return { status: 'loaded', missingBodies }
}

/** The facts known before the verification runs. */
export interface PrecheckFacts {
  /** The function under proof (source name). */
  readonly func: string
  /** Type definitions the patch changes (by name). */
  readonly typeChanges: readonly { readonly type: string }[]
  /** How cbmc loaded the harness program; absent before it was loaded. */
  readonly load?: LoadFacts
}

export interface PrecheckContext {
  /** The proof's claims, reported unobserved (no run looked for them). */
  readonly claims: readonly { readonly id: string; readonly when: string; readonly then?: string; readonly differs: readonly ObservableKind[] }[]
  readonly timeoutSec: number
  readonly memoryMb?: number
}

/** The verdict of a proof the facts stop before its runs; undefined when the runs decide. */
export function classifyPrecheck(facts: PrecheckFacts, ctx: PrecheckContext): VerdictParts | undefined {
  const stop = (reason: VerdictParts['reason'], summary: string, hints: string[]): VerdictParts => ({
    verdict: 'inconclusive', reason, summary, differences: [], preExisting: [], hints, errors: [], complete: false, openLoops: [], bound: 0,
    claims: ctx.claims.map(c => ({ id: c.id, when: c.when, then: c.then, differs: c.differs, observed: null })),
  })
  if (facts.typeChanges.length) {
    return stop('type-changed', `the patch changes type definitions (${facts.typeChanges.map(t => t.type).join(', ')}); old and new cannot be compared on shared types`,
      ['a live patch cannot change the layout of a type that running code already uses; keep the old layout (e.g. use shadow variables) or prove each caller'])
  }
  const load = facts.load
  if (load?.status === 'out-of-memory') {
    return stop('out-of-memory', `cbmc could not load the program within the --memory cap of ${ctx.memoryMb} MiB`, [`raise --memory (now ${ctx.memoryMb} MiB per cbmc process)`])
  }
  if (load?.status === 'timeout') {
    return stop('timeout', `cbmc did not even load the program within the ${ctx.timeoutSec} s timeout`, [`raise --timeout (now ${ctx.timeoutSec} s per cbmc run)`])
  }
  const asm = load?.status === 'loaded' ? load.missingBodies.filter(n => n.startsWith(UNMODELLED_ASM)).map(n => `${n.slice(UNMODELLED_ASM.length)}()`) : []
  if (asm.length) {
    return stop('external-calls', `${facts.func}() reaches inline assembly klp-verify cannot model, in ${asm.join(', ')}; cbmc would skip it, so the versions cannot be compared honestly`,
      ['the x86 atomics, bit operations, static branches, per-cpu arithmetic and empty-template asm are modelled (src/extract/asm-bodies.ts); prove a function that does not reach this asm, or report it'])
  }
  if (load?.missingBodies.length) {
    const names = load.missingBodies.join(', ')
    return stop('external-calls', `${facts.func}() calls functions without a body (${names}); they are not modelled, so the versions cannot be compared honestly`,
      [`add the bodies of ${names} to both files (or a shared header), or prove a function that does not call them`])
  }
  return undefined
}
