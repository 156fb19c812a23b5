/**
 * The object-level step of a single proof (issue #11), in the same run: compile both versions with the
 * file's flags (object/), while cbmc proves the function; then prove the other listed functions that
 * change only through an inlined callee or codegen, and join it all (livepatch-join.ts). A failure of
 * the object step (no gcc, flags gcc refuses) is the section's `error`, never the proof's.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { preprocess, PREPROCESS_LIMITS, type Preprocessed } from '../extract/read.js'
import { exprList } from '../model/build.js'
import { diffSourceVersions, objectTools } from '../object/index.js'
import type { ProofReport } from '../report/types.js'
import { functionChanges, indexUnitAsync } from '../series/changes.js'
import { narrowToChange } from '../series/narrow.js'
import { joinLivePatch, planFunctionProofs, type ExtraProof, type ObjectOutcome } from './livepatch-join.js'
import { findGcc } from './replay/native.js'
import type { VerifyRequest } from './types.js'

/** The proof's gcc -E results (VerifyEnv.preprocessMemo), shared with the object step's source index. */
type PreprocessMemo = Map<string, Promise<Preprocessed>>

export type ObjectMode = 'auto' | 'off'

type FlagsRequest = Pick<VerifyRequest, 'cflags' | 'includes' | 'defines'>

/** What gcc builds the objects with: the proof's flags (a build context's first), -I and -D, and -O2 when no -O is given. */
export function objectCflags(req: FlagsRequest): string[] {
  const flags = [...req.cflags, ...req.includes.map(i => `-I${path.resolve(i)}`), ...req.defines.map(d => `-D${d}`)]
  return flags.some(f => /^-O/.test(f)) ? flags : ['-O2', ...flags]
}

/**
 * The source functions whose bodies changed (the file's own and its headers' static inline ones),
 * compared the way a series finds them (series/changes.ts), with the proof's preprocessing. Only the
 * part of the two texts that differs is indexed (series/narrow.ts): the rest is the same items.
 */
export async function changedFunctions(req: VerifyRequest, signal?: AbortSignal, memo?: PreprocessMemo): Promise<Set<string>> {
  // with the proof's memo and its expressions, gcc -E runs once per file for both (the text is the same)
  const exprs = memo ? exprList(req) : []
  const load = (file: string, side: readonly string[]) => preprocess(file, {
    includes: [...side, ...req.includes], defines: req.defines, cflags: req.cflags, exprs, ...(memo ? { memo } : {}),
    timeoutMs: Math.max(PREPROCESS_LIMITS.timeoutMs, req.timeoutSec * 1000), ...(signal ? { signal } : {}),
  })
  const [a, b] = await Promise.all([load(req.oldPath, req.sideIncludes?.old ?? []), load(req.newPath, req.sideIncludes?.new ?? [])])
  const middle = narrowToChange(a.text, b.text)
  const ch = functionChanges(await indexUnitAsync(middle.old, signal), a.path, await indexUnitAsync(middle.new, signal), middle.renamed ? a.path : b.path)
  return new Set([...ch.changed, ...(ch.fromHeaders ?? [])])
}

/** Compile, read and compare both versions; never throws (what went wrong is the outcome's `error`). */
export async function analyseObjects(req: VerifyRequest, signal?: AbortSignal, memo?: PreprocessMemo): Promise<ObjectOutcome> {
  const t0 = performance.now()
  // a series snapshot's versions each have their own include folders, searched first (as the proof's preprocessing does)
  const cflags = objectCflags({ ...req, includes: [...(req.sideIncludes?.old ?? []), ...req.includes] })
  const newCflags = req.sideIncludes ? objectCflags({ ...req, includes: [...req.sideIncludes.new, ...req.includes] }) : undefined
  const done = (o: Omit<ObjectOutcome, 'cflags' | 'durationMs'>): ObjectOutcome => ({ cflags, ...o, durationMs: Math.round(performance.now() - t0) })
  const gcc = await findGcc()
  if (!gcc) return done({ error: 'gcc not found on PATH: the objects were not built (install gcc and binutils, or pass --object off)' })
  const dir = await mkdtemp(path.join(tmpdir(), 'klp-object-'))
  try {
    // which functions changed in source is read while gcc builds; a file the C reader cannot
    // compare still lists what changed in its objects, with the proved function as the one changed
    const changed = changedFunctions(req, signal, memo).catch(() => new Set([req.func]))
    const diff = await diffSourceVersions(objectTools(gcc, signal), {
      oldFile: req.oldPath, newFile: req.newPath, cflags, ...(newCflags ? { newCflags } : {}), changed, dir,
      // relative paths in the flags mean what they meant to the proof's preprocessing: the current folder
      cwd: process.cwd(),
    })
    return done({ diff })
  } catch (err) {
    return done({ error: (err as Error).message.split('\n')[0]! })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The proof (`prove(req)`) and, unless `mode` is off, the object step alongside it; then the other listed
 * functions that this run proves (livepatch-join.ts planFunctionProofs), one after the other.
 */
export async function verifyWithLivePatch(
  req: VerifyRequest, opts: { readonly mode: ObjectMode; readonly accept: readonly string[]; readonly signal?: AbortSignal; readonly memo?: PreprocessMemo },
  prove: (req: VerifyRequest) => Promise<ProofReport>,
): Promise<ProofReport> {
  if (opts.mode === 'off') return prove(req)
  const stop = new AbortController()
  const onAbort = () => stop.abort(opts.signal?.reason)
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  const objects = analyseObjects(req, stop.signal, opts.memo)
  try {
    let main: ProofReport
    try {
      main = await prove(req)
    } catch (err) {
      // no gcc keeps running after the proof failed
      stop.abort(err)
      await objects
      throw err
    }
    const outcome = await objects
    const plans = planFunctionProofs(req, outcome.diff?.functions ?? [], main.verdict)
    const proved = new Map<string, ExtraProof>()
    for (const [fn, plan] of plans) {
      if (!plan.prove) continue
      opts.signal?.throwIfAborted()
      proved.set(fn, await prove({ ...req, func: fn }).then(report => ({ report }), (err: Error) => ({ error: err.message.split('\n')[0]! })))
    }
    return joinLivePatch(main, outcome, plans, proved, opts.accept)
  } finally {
    opts.signal?.removeEventListener('abort', onAbort)
  }
}
