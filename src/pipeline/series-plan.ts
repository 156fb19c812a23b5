/**
 * What a series proves: for each patch, the functions it changed (or a manifest names) and the callers
 * of changed static helpers (affected), each with its spec and trailer claims; then, for a chain,
 * every changed function base → tip with the union of its claims.
 */
import path from 'node:path'
import { checkDataFiles, includesRelativeTo, loadSpecs, type DataFlags } from '../config/load.js'
import { splitFlags } from '../config/flags.js'
import { SpecSchema, type Spec } from '../config/schema.js'
import { preprocess, type Preprocessed } from '../extract/read.js'
import { definedFunctions, functionChanges, indexUnitAsync, type FunctionChanges } from '../series/changes.js'
import { mergeSpec, specFor, unionClaims, type FunctionClaims } from '../series/claims.js'
import type { FilePlan, PatchFile, SeriesPatch, SeriesPatchInfo, SeriesProof, SeriesSource } from '../series/types.js'
import type { FileBuild, FileBuildOf } from '../series/build-context.js'
import { ConfigError, ExtractError, KlpError } from '../errors.js'
import { runPool } from './pool.js'

export interface Task {
  readonly patch: SeriesPatch | null
  readonly file: PatchFile
  readonly fn: string
  readonly affected: boolean
  /** The function's own spec (claims and options; the command line and a manifest's defaults are resolved with it per proof). */
  readonly spec: Spec
  readonly trailers: readonly string[]
  readonly assumes: readonly string[]
  /** The file's build context (its old version's compile command), when one applies. */
  readonly build?: FileBuild
}

/** A spec file whose relative `include:` dirs are relative to the spec's own folder. */
async function loadSpecHere(file: string): Promise<Spec[]> {
  return (await loadSpecs(file)).map(spec => includesRelativeTo(spec, file))
}

/** The preprocessing every proof of a series shares: the command line's and a manifest's defaults (resolve.ts sharedFlags). */
export interface SharedFlags {
  readonly includes: readonly string[]
  readonly defines: readonly string[]
  /** Words, split once (a `cflags:` string is split like --cflags). */
  readonly cflags: readonly string[]
}

/** Which functions of one file changed (parsed with the same preprocessing the proofs use). */
async function changesOf(f: PatchFile, flags: SharedFlags, specs: readonly Spec[], memo: Map<string, Promise<Preprocessed>>, build?: FileBuild): Promise<FunctionChanges> {
  const shared = {
    defines: [...flags.defines, ...specs.flatMap(s => s.define ?? [])],
    // the build context's flags first, as the proofs have them (requestOf)
    cflags: [...(build?.cflags ?? []), ...flags.cflags, ...specs.flatMap(s => splitFlags(s.cflags))],
    exprs: [],
  }
  const inc = [...flags.includes, ...specs.flatMap(s => s.include ?? [])]
  const load = async (p: string | null, side: readonly string[]) => {
    if (!p) return null
    const pp = await preprocess(p, { ...shared, includes: [...side, ...inc], memo })
    return { unit: await indexUnitAsync(pp.text), path: pp.path }
  }
  const [a, b] = await Promise.all([load(f.oldPath, [...f.oldIncludes, ...(build?.includes.old ?? [])]), load(f.newPath, [...f.newIncludes, ...(build?.includes.new ?? [])])])
  if (a && b) return functionChanges(a.unit, a.path, b.unit, b.path)
  // an added or removed file: its functions are listed, not compared
  const names = (u: NonNullable<typeof a>) => definedFunctions(u.unit, u.path)
  return { changed: [], affected: [], added: b ? names(b) : [], removed: a ? names(a) : [] }
}

/** The proofs a file's changes call for: changed functions, then affected ones. */
function targetsOf(ch: FunctionChanges): { fn: string; affected: boolean }[] {
  return [...ch.changed.map(fn => ({ fn, affected: false })), ...ch.affected.map(fn => ({ fn, affected: true }))]
}

export interface SeriesPlan {
  readonly tasks: Task[]
  readonly patches: SeriesPatchInfo[]
  /** Entries that could not even be planned (their error). */
  readonly proofs: SeriesProof[]
  /** Per patch (then base → tip) and changed file: what changed and which functions got a proof, or why none. */
  readonly files: FilePlan[]
}

/** A file's record in the plan: what change detection found (none for a manifest's named functions) and the proofs. */
function filePlan(patch: SeriesPatch | null, f: PatchFile, planned: readonly string[], ch?: FunctionChanges, error?: string): FilePlan {
  return {
    patch: patch ? patch.id : null, file: f.key, old: f.oldLabel, new: f.newLabel,
    ...(ch ? { changed: ch.changed, affected: ch.affected, added: ch.added, removed: ch.removed, common: ch.common ?? [] } : {}),
    planned: [...planned].sort(), ...(error !== undefined ? { error } : {}),
  }
}

/**
 * `extra`: more data files to check with the specs (a manifest's defaults), so that one error names
 * every refused flag of the run.
 */
export async function planSeries(
  source: SeriesSource,
  shared: SharedFlags,
  specFiles: readonly string[],
  jobs: number,
  memo: Map<string, Promise<Preprocessed>>,
  extra: readonly DataFlags[] = [],
  buildOf: FileBuildOf = () => undefined,
): Promise<SeriesPlan> {
  const empty = SpecSchema.parse({})
  // a file whose build context could not be found is its patch's error (fail closed)
  const buildFor = (f: PatchFile): FileBuild | undefined => {
    const b = buildOf(f)
    if (b instanceof Error) throw b
    return b
  }
  const patches: SeriesPatchInfo[] = []
  const proofs: SeriesProof[] = []
  const tasks: Task[] = []
  const files: FilePlan[] = []
  /** Per (file key, function): what each patch claimed, for base → tip. */
  const history = new Map<string, FunctionClaims[]>()

  const loadAll = (files: readonly string[]) => Promise.all(files.map(async file => ({ file, specs: await loadSpecHere(file) })))
  const commonLoaded = await loadAll(specFiles)
  const common = commonLoaded.flatMap(l => l.specs)
  // each patch's spec files, then change detection of every file at once (gcc -E runs in parallel)
  const ownLoaded = source.patches.map(p => loadAll(p.specs))
  const ownSpecs = new Map<SeriesPatch, Promise<Spec[]>>(source.patches.map((p, i) => [p, ownLoaded[i]!.then(l => l.flatMap(x => x.specs))]))
  for (const own of [...ownLoaded, ...ownSpecs.values()]) own.catch(() => {}) // reported with its patch below
  // every data file's flags and include folders are checked (one error for all) before gcc first runs
  const loaded = [...commonLoaded, ...(await Promise.all(ownLoaded.map(l => l.catch(() => [])))).flat()]
  await checkDataFiles([
    ...extra,
    ...loaded.flatMap(({ file, specs }) => specs.map(s => ({
      file, cflags: s.cflags, define: s.define, include: s.include,
      roots: [path.dirname(file), ...(source.root ? [source.root] : [])],
      rootsText: source.root ? `the spec's folder and ${source.root}` : "the spec's folder",
    }))),
  ])
  const detect = new Map<PatchFile, Promise<FunctionChanges>>()
  const toDetect: { f: PatchFile; specs: () => Promise<Spec[]> }[] = [
    ...source.patches.filter(p => !p.error && !p.problem && p.functions === 'auto').flatMap(p => p.files.map(f => ({ f, specs: async () => [...await ownSpecs.get(p)!, ...common] }))),
    ...source.baseTip.map(f => ({ f, specs: async () => [] as Spec[] })),
  ]
  await runPool(toDetect, jobs, async ({ f, specs }) => {
    const p = specs().then(s => changesOf(f, shared, s, memo, buildFor(f)))
    p.catch(() => {}) // reported with its patch below
    detect.set(f, p)
    await p.catch(() => {})
  })
  for (const p of source.patches) {
    const info = { id: p.id, index: p.index, title: p.title, files: p.files.map(f => f.key), ...(p.notes?.length ? { notes: p.notes } : {}), ...(p.incomplete ? { incomplete: true } : {}) }
    if (p.error || p.problem) {
      patches.push({ ...info, status: p.error ? 'not-applied' : 'error', error: (p.error ?? p.problem)!, added: [], removed: [] })
      for (const f of p.files) files.push(filePlan(p, f, [], undefined, (p.error ?? p.problem)!))
      continue
    }
    const mine: FilePlan[] = []
    try {
      const own = await ownSpecs.get(p)!
      const specs = [...own, ...common]
      // a function the patch's own spec or trailers make a claim about is proved even if its text did not change
      const named = new Set([...Object.keys(p.trailerClaims), ...Object.keys(p.trailerAssumes ?? {}), ...own.flatMap(s => (s.function ? [s.function] : []))])
      const found = new Set<string>()
      const added: string[] = []
      const removed: string[] = []
      const headerFns = new Set<string>()
      const decls = new Set<string>()
      for (const f of p.files) {
        let ch: FunctionChanges | undefined
        try {
          ch = p.functions === 'auto' ? await detect.get(f)! : undefined
        } catch (err) {
          mine.push(filePlan(p, f, [], undefined, messageOf(err, p.files)))
          throw err
        }
        const build = buildFor(f)
        let targets: { fn: string; affected: boolean }[]
        if (ch) {
          for (const h of ch.fromHeaders ?? []) headerFns.add(h)
          for (const d of ch.declarations ?? []) decls.add(d)
          added.push(...ch.added)
          removed.push(...ch.removed)
          targets = targetsOf(ch)
          for (const fn of ch.common ?? []) {
            if (named.has(fn)) found.add(fn)
            if (named.has(fn) && !targets.some(x => x.fn === fn)) targets.push({ fn, affected: false })
          }
          // fail closed: a changed file nothing could be planned for is this patch's error, never a green run
          if (ch.unplanned && !targets.length) {
            const err = new ExtractError(`${f.newPath ?? f.oldPath}: ${ch.unplanned}`, { hint: UNPLANNED_HINT })
            mine.push(filePlan(p, f, [], ch, messageOf(err, p.files)))
            throw err
          }
        } else {
          targets = (p.functions as readonly string[]).map(fn => ({ fn, affected: false }))
        }
        mine.push(filePlan(p, f, targets.map(x => x.fn), ch))
        for (const t of targets.sort((x, y) => x.fn.localeCompare(y.fn))) {
          const own = specFor(specs, t.fn)
          const trailers = p.trailerClaims[t.fn] ?? []
          const assumes = p.trailerAssumes?.[t.fn] ?? []
          tasks.push({ patch: p, file: f, fn: t.fn, affected: t.affected, spec: mergeSpec(empty, {}, own), trailers, assumes, ...(build ? { build } : {}) })
          const k = `${f.key}\0${t.fn}`
          history.set(k, [...(history.get(k) ?? []), { spec: own, trailers, assumes }])
        }
      }
      if (p.functions === 'auto') {
        const missing = [...named].filter(n => !found.has(n)).sort()
        // a claim about a function the patch does not have is a mistake worth stopping for
        if (missing.length) throw new ConfigError(`the patch's claims name ${missing.map(n => `${n}()`).join(', ')}, which no changed file defines in both versions`, { hint: 'check the function name in the Klp-Intended/Klp-Assume trailer or the spec beside the patch' })
      }
      const notes = [
        ...(info.notes ?? []),
        ...(headerFns.size ? [`changed in headers: ${[...headerFns].sort().join(', ')} (static inline; proved through their callers, marked affected)`] : []),
        ...(decls.size ? [`changed outside functions: ${[...decls].sort().join(', ')} (the functions that use them are proved, marked affected)`] : []),
      ]
      patches.push({ ...info, status: 'applied', added: added.sort(), removed: removed.sort(), ...(notes.length ? { notes } : {}) })
      files.push(...mine)
    } catch (err) {
      const error = messageOf(err, p.files)
      patches.push({ ...info, status: 'error', error, added: [], removed: [] })
      // the patch is an error: the file that failed says why, the files after it were not planned
      files.push(...p.files.map(f => mine.find(m => m.file === f.key) ?? filePlan(p, f, [], undefined, error)))
    }
  }

  // base → tip: each function changed anywhere, with the union of its claims across the series
  for (const f of source.baseTip) {
    try {
      const ch = await detect.get(f)!
      const build = buildFor(f)
      const targets = targetsOf(ch)
      // a function some patch made a claim about is proved base → tip too
      for (const fn of ch.common ?? []) {
        const claimed = (history.get(`${f.key}\0${fn}`) ?? []).some(h => h.trailers.length || h.assumes?.length || h.spec?.intended.length)
        if (claimed && !targets.some(x => x.fn === fn)) targets.push({ fn, affected: false })
      }
      files.push(filePlan(null, f, targets.map(x => x.fn), ch))
      for (const t of targets.sort((x, y) => x.fn.localeCompare(y.fn))) {
        const u = unionClaims(empty, {}, history.get(`${f.key}\0${t.fn}`) ?? [])
        tasks.push({ patch: null, file: f, fn: t.fn, affected: t.affected, spec: u.spec, trailers: u.trailers, assumes: u.assumes, ...(build ? { build } : {}) })
      }
    } catch (err) {
      const error = messageOf(err, [f])
      proofs.push({ function: `(base → tip: ${f.key})`, old: f.oldLabel, new: f.newLabel, patch: null, affected: false, verdict: 'error', claims: [], cached: false, report: null, error })
      files.push(filePlan(null, f, [], undefined, error))
    }
  }
  return { tasks, patches, proofs, files }
}

const UNPLANNED_HINT = 'check the preprocessing flags the file needs (-I, -D, --cflags), or name the functions to prove (a manifest entry\'s functions: [...], a Klp-Intended trailer)'

/** An error in words, snapshot paths shown as the files' labels (`commit:path`), not temporary folders. */
export function messageOf(err: unknown, files: readonly PatchFile[] = []): string {
  let text = err instanceof KlpError ? (err.hint ? `${err.message} (hint: ${err.hint})` : err.message) : err instanceof Error ? err.message : String(err)
  for (const f of files) {
    if (f.oldPath) text = text.split(f.oldPath).join(f.oldLabel)
    if (f.newPath) text = text.split(f.newPath).join(f.newLabel)
  }
  return text
}
