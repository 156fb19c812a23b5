/**
 * Object-level analysis (issue #11): compile both versions of a file for real, compare the objects
 * symbol by symbol, and say which functions the live patch must replace (and why) and which hazards
 * make it unsafe.
 */
import path from 'node:path'
import { compileObject, readObject, type ObjectTools } from './build.js'
import { diffObjects } from './livepatch.js'
import type { ObjectDiff } from './types.js'

export { compileObject, DEFAULT_CFLAGS, OBJECT_FLAGS, objectTools, readObject, type ObjectTools } from './build.js'
export { diffObjects, classifyFunction, type ObjectDiffInput } from './livepatch.js'
export { HAZARD_KINDS } from './types.js'
export type { Hazard, HazardKind, HazardSeverity, LivePatchFunction, LivePatchReason, ObjectDiff, ObjectFacts } from './types.js'

export interface SourceObjectDiffRequest {
  readonly oldFile: string
  readonly newFile: string
  /** the file's compiler flags; -O2 when none are given */
  readonly cflags?: readonly string[]
  /** the new version's flags when they differ (a series snapshot's own include folders); `cflags` otherwise */
  readonly newCflags?: readonly string[]
  /** source functions whose bodies changed (may still be computed while gcc runs) */
  readonly changed: ReadonlySet<string> | PromiseLike<ReadonlySet<string>>
  /** a scratch directory for the two objects (the caller owns and removes it) */
  readonly dir: string
  /** where to run gcc, when the flags hold relative paths (a kernel build folder); the file's folder by default */
  readonly cwd?: string
}

/** Compile old and new, read both objects, and diff them. */
export async function diffSourceVersions(tools: ObjectTools, req: SourceObjectDiffRequest): Promise<ObjectDiff> {
  const oldObj = path.join(req.dir, 'old.o')
  const newObj = path.join(req.dir, 'new.o')
  // both builds finish before a failure is reported: no gcc keeps writing into a folder the caller removes
  const built = await Promise.allSettled([compileObject(tools, req.oldFile, oldObj, req.cflags, req.cwd), compileObject(tools, req.newFile, newObj, req.newCflags ?? req.cflags, req.cwd)])
  for (const b of built) if (b.status === 'rejected') throw b.reason
  const [oldFacts, newFacts] = await Promise.all([readObject(tools, oldObj), readObject(tools, newObj)])
  return diffObjects({ old: oldFacts, new: newFacts, changed: await req.changed, ...(req.cflags ? { cflags: req.cflags } : {}) })
}

