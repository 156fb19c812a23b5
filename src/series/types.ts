/**
 * The boundary types of a series run: where the patches come from (manifest, git range, patch
 * directory) and what a series report holds. Plain, JSON-serialisable data.
 */
import type { LivePatchFunctionReport, LivePatchHazardReport, ProofReport, VerdictStatus } from '../report/types.js'

/** One C file a patch changed, with both versions on disk. */
export interface PatchFile {
  /** Path relative to the tree (git/patch modes) or as the manifest gave it; the key for base → tip. */
  readonly key: string
  /** The old version's path relative to the tree when the file was renamed (else it is `key`). */
  readonly oldKey?: string
  /** How reports name each version: a path (manifest mode) or `commit:path` (git and patch modes). */
  readonly oldLabel: string
  readonly newLabel: string
  /** Where each version's contents are on disk; null when the file was added (old) or removed (new). */
  readonly oldPath: string | null
  readonly newPath: string | null
  /** Include directories for each version (the user's -I dirs mapped into that version's snapshot). */
  readonly oldIncludes: readonly string[]
  readonly newIncludes: readonly string[]
}

/** One patch of a series, its files materialized on disk. */
export interface SeriesPatch {
  /** Manifest entry index, commit id (git mode), or patch file name (patch directory mode). */
  readonly id: number | string
  /** Position in the series, from 0. */
  readonly index: number
  /** Commit subject or patch file name. */
  readonly title: string
  /** Set when the patch does not apply (patch directory mode): why. It then has no files. */
  readonly error?: string
  /** Set when the patch applies but cannot be proved as written (e.g. a malformed trailer): why. */
  readonly problem?: string
  /** Changed C files (*.c). */
  readonly files: readonly PatchFile[]
  /** Functions to prove: 'auto' (changed ones and affected callers) or the manifest's list. */
  readonly functions: 'auto' | readonly string[]
  /** Spec files for this patch: a manifest entry's spec, or spec files beside the patch. */
  readonly specs: readonly string[]
  /** Claims from commit-message trailers (`Klp-Intended: fn: WHEN => THEN`): function → claim texts. */
  readonly trailerClaims: Readonly<Record<string, readonly string[]>>
  /** What the analysis of this patch left out, in words (e.g. a header included everywhere). */
  readonly notes?: readonly string[]
  /** Some of the patch's effect was not analysed (see notes): the run is at best inconclusive. */
  readonly incomplete?: boolean
  /** Preconditions from `Klp-Assume: fn: EXPR` trailers: function → expressions. */
  readonly trailerAssumes?: Readonly<Record<string, readonly string[]>>
}

/** Where a series came from, materialized: the patches in order and, for a chain, base → tip. */
export interface SeriesSource {
  readonly kind: 'manifest' | 'git' | 'patches'
  /** e.g. the manifest path, `REPO BASE..TIP`, or `TREE + PATCHES`. */
  readonly description: string
  readonly patches: readonly SeriesPatch[]
  /**
   * Each C file changed anywhere in the series, base version vs tip version (git and patch modes;
   * empty for a manifest, whose entries are independent).
   */
  readonly baseTip: readonly PatchFile[]
  /**
   * The temporary folder the snapshots live in (a fresh one each run): its name must not change a
   * proof's cache key. Absent for a manifest, whose files are the user's own.
   */
  readonly scratch?: string
  /**
   * The folder the series' data files may point into (include folders of specs and manifest
   * defaults): the manifest's folder, the --tree, or the --git repository.
   */
  readonly root?: string
  /** Remove the temporary snapshots. */
  cleanup(): Promise<void>
}

export interface SeriesProof {
  /** Stable id of the proof in its series (series/shard.ts proofIds): the same on every machine and across rebases. */
  readonly id?: string
  readonly function: string
  /** File labels: paths (manifest) or `commit:path` (git/patch modes). */
  readonly old: string
  readonly new: string
  /** Patch id (manifest entry index or commit id); null for the base → tip proof. */
  readonly patch: number | string | null
  readonly affected: boolean
  readonly verdict: VerdictStatus
  /** The claims this proof used (texts `WHEN => THEN`), from specs, trailers and the manifest. */
  readonly claims: readonly string[]
  /** The result came from the cache (nothing was re-run). */
  readonly cached: boolean
  /** Relative path of the kept harness directory (run-cbmc.sh + one folder per cbmc run), if kept. */
  readonly harness?: string
  readonly report: ProofReport | null
  readonly error?: string
}

export interface SeriesPatchInfo {
  readonly id: number | string
  readonly index: number
  readonly title: string
  readonly status: 'applied' | 'not-applied' | 'error'
  readonly error?: string
  readonly files: readonly string[]
  /** Functions added or removed by the patch: listed, not compared. */
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly notes?: readonly string[]
  /** Part of the patch's effect was not analysed (notes say what): counts as inconclusive (exit 2). */
  readonly incomplete?: boolean
  /** The live patch this patch needs (object-level analysis of its changed files, joined to the series' proofs). */
  readonly livepatch?: SeriesLivePatch
}

/**
 * A patch's live patch: every function whose object code changed, in which file, with the series proof's
 * verdict; the hazards; the files whose objects could not be built or compared (nothing listed for them).
 */
export interface SeriesLivePatch {
  readonly functions: readonly (LivePatchFunctionReport & { readonly file: string })[]
  readonly hazards: readonly (LivePatchHazardReport & { readonly file: string })[]
  readonly errors?: readonly { readonly file: string; readonly error: string }[]
  /** Wall time of the object steps of the patch's files. */
  readonly durationMs: number
}

export interface SeriesReport {
  readonly schemaVersion: 1
  readonly kind: 'series'
  readonly tool: { readonly name: 'klp-verify'; readonly version: string }
  readonly source: { readonly kind: SeriesSource['kind']; readonly description: string }
  readonly patches: readonly SeriesPatchInfo[]
  /** In series order: each patch's proofs, then the base → tip proofs (patch null). */
  readonly proofs: readonly SeriesProof[]
  readonly counts: Readonly<Record<VerdictStatus, number>>
  /** The worst across the run (3 > 1 > 2 > 0); 130 when Ctrl-C stopped it (the rest is missing). */
  readonly exitCode: 0 | 1 | 2 | 3 | 130
  readonly timings: { readonly totalMs: number; readonly cached: number }
  /** Ctrl-C (or SIGTERM) stopped the run: proofs not started are missing; finished ones are cached. */
  readonly interrupted?: boolean
  /** The whole plan of a sharded run (every shard's report carries it): what merge checks and completes. */
  readonly plan?: SeriesPlanInfo
  /** A sharded run: which shard of how many (1-based), what set it, and the ids it owns (its `proofs` are only those). */
  readonly shard?: { readonly index: number; readonly total: number; readonly source: string; readonly owned: readonly string[] }
  /** A merged report whose shards did not all come: the shards and the proofs that therefore did not run. */
  readonly missing?: { readonly shards: readonly number[]; readonly proofs: readonly PlannedProof[] }
}

/** One planned proof (`--list`, and in a sharded report's plan). */
export interface PlannedProof {
  readonly id: string
  readonly function: string
  readonly old: string
  readonly new: string
  readonly patch: number | string | null
  readonly affected: boolean
  /** The shard (1-based) that runs it, in a sharded plan. */
  readonly shard?: number
}

export interface SeriesPlanInfo {
  /** A hash of the tool, the options and every planned proof with its shard: equal on every shard of one run. */
  readonly digest: string
  readonly proofs: readonly PlannedProof[]
}

/** One changed file of a plan (`series --plan-only`): what changed in it and which functions got a proof. */
export interface FilePlan {
  /** The patch (its id); null for base → tip. */
  readonly patch: number | string | null
  readonly file: string
  readonly old: string
  readonly new: string
  /** What change detection found (absent for a manifest entry that names its functions, or a file it never reached). */
  readonly changed?: readonly string[]
  readonly affected?: readonly string[]
  /** Added or removed functions: listed, nothing to compare. */
  readonly added?: readonly string[]
  readonly removed?: readonly string[]
  /** Functions defined in both versions of the file. */
  readonly common?: readonly string[]
  /** The functions a proof was planned for (changed, affected, named, or claimed). */
  readonly planned: readonly string[]
  /** Why the file could not be planned (its patch is then an error). */
  readonly error?: string
}
