/** What makes two proofs the same for the result cache, and which results are worth keeping. */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { toolIdentity } from '../../cbmc/locate.js'
import type { CbmcTool } from '../../cbmc/types.js'
import type { Harness } from '../../harness/types.js'
import type { ProofReport } from '../../report/types.js'
import { TOOL_VERSION } from '../../version.js'
import { cacheKey, stable, toolFingerprint } from './store.js'
import type { VerifyRequest } from '../types.js'

let fingerprint: Promise<string> | undefined

/**
 * The user's model files (--models): name and content digest of each, so an entry made with other
 * models is never served even where a model's effect on the harness text were to be the same.
 * (Built-in models are templates: the tool fingerprint covers them.)
 */
export async function modelsDigest(dir: string | undefined): Promise<Record<string, string> | null> {
  if (dir === undefined) return null
  const out: Record<string, string> = {}
  const names = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const e of names.filter(e => !e.isDirectory() && /\.ya?ml$/.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const text = await readFile(path.join(dir, e.name)).catch(() => null)
    out[e.name] = text === null ? 'unreadable' : createHash('sha256').update(text).digest('hex')
  }
  return out
}

/**
 * A harness as the cache sees it: everything the runs and the classifier read (files, entry,
 * unwindset, observables, inputs, checks, bounds), with a series' scratch folder named the same
 * every run (line markers name the snapshot files, which live in a fresh temporary folder).
 */
export function harnessForKey(h: Harness, scratchRoot: string | undefined): string {
  const text = stable(h)
  return scratchRoot ? text.split(JSON.stringify(scratchRoot).slice(1, -1)).join('<scratch>') : text
}

export async function proofKey(root: string, tool: CbmcTool, req: VerifyRequest, hs: readonly { h: Harness }[]): Promise<string> {
  fingerprint ??= toolFingerprint(root)
  return cacheKey({
    tool: `${TOOL_VERSION} ${await fingerprint}`,
    // the binaries' contents, not their names or version strings: another cbmc, cadical or z3
    // (or a wrapper around one) printing the same version never shares an entry
    cbmc: { version: tool.version, ...(await toolIdentity(tool, req.extraCbmcArgs, process.env)) },
    harnesses: hs.map(x => harnessForKey(x.h, req.scratchRoot)),
    models: await modelsDigest(req.models),
    options: {
      unwind: req.unwind, maxUnwind: req.maxUnwind, timeoutSec: req.timeoutSec, proofTimeoutSec: req.proofTimeoutSec, memoryMb: req.memoryMb, fwrapv: req.fwrapv,
      solver: req.solver, replay: req.replay, unbounded: req.unbounded, extra: req.extraCbmcArgs, platform: req.cbmcPlatform, maxSize: req.maxSize, minSize: req.minSize, claims: req.claims,
      // they shape the harness (so its text), but name them too: a report names them
      buffers: req.buffers, assumes: req.assumes, nullable: req.nullable, held: req.held, initGlobals: req.initGlobals, externals: req.externals,
    },
  })
}

/**
 * A report is stored unless the proof was cut short: by the user, by an error, or by a time or
 * memory limit (a busy night must not make a proof inconclusive for good; the next run retries).
 */
export function cacheable(r: Pick<ProofReport, 'verdict' | 'reason' | 'runs' | 'sizes'>, signal?: AbortSignal): boolean {
  const limited = (s: string | undefined) => s === 'timeout' || s === 'out-of-memory'
  // a larger buffer bound the budget left no time for may finish next time
  const budgetSpent = r.sizes?.stopped !== undefined && !r.sizes.steps.some(x => x.maxSize === r.sizes!.stopped!.maxSize)
  return !signal?.aborted && r.verdict !== 'error' && !limited(r.reason) && !budgetSpent && !r.runs.some(x => x.status === 'cancelled' || x.status === 'error' || limited(x.status))
}
