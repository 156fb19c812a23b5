/** Read and validate a spec file; errors become one clear ConfigError. */
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml, parseAllDocuments, YAMLParseError } from 'yaml'
import type { ZodError, ZodTypeAny, infer as Infer } from 'zod'
import { ConfigError } from '../errors.js'
import { SpecSchema, type Spec } from './schema.js'
import { checkDataFlags, defineProblem, isInside, shownFlag, splitFlags } from './flags.js'

export function formatZodIssues(err: ZodError): string {
  return err.issues.map(i => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('; ')
}

/**
 * Parse YAML text and validate it with a zod schema: every klp-verify YAML file (specs, models,
 * manifests) goes through here, so their errors read alike. `lines`: name the line of a YAML error.
 */
export function parseYamlAs<S extends ZodTypeAny>(
  text: string,
  file: string,
  schema: S,
  hints: { readonly yaml: string; readonly schema: string },
  lines = false,
): Infer<S> {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (err) {
    const where = lines && err instanceof YAMLParseError && err.linePos ? `:${err.linePos[0].line}` : ''
    throw new ConfigError(`${file}${where}: not valid YAML (${(err as Error).message.split('\n')[0]!.replace(/:$/, '')})`, { hint: hints.yaml, cause: err })
  }
  const r = schema.safeParse(data ?? {})
  if (!r.success) throw new ConfigError(`${file}: ${formatZodIssues(r.error)}`, { hint: hints.schema })
  return r.data
}

export function parseSpec(text: string, file: string): Spec {
  return parseYamlAs(text, file, SpecSchema, {
    yaml: 'check the indentation and quoting of the spec file',
    schema: 'see "Spec files" in the README for the allowed keys',
  }, true)
}

/**
 * A spec file that may hold several specs as YAML documents (`---` between them), one per
 * function: spec files beside a series' patches, where one patch changes several functions.
 */
export async function loadSpecs(file: string): Promise<Spec[]> {
  const text = await readSpecText(file, 'check the path of the spec file (--spec, or the one beside the patch)')
  return splitYamlDocuments(text).map(d => parseSpec(d, file))
}

async function readSpecText(file: string, hint: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    throw new ConfigError(`cannot read spec file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { hint, cause: err })
  }
}

/** A spec's relative `include:` directories are relative to the spec file's own folder. */
export function includesRelativeTo(spec: Spec, file: string): Spec {
  const rel = (p: string) => (path.isAbsolute(p) ? p : path.join(path.dirname(file), p))
  return spec.include ? { ...spec, include: spec.include.map(rel) } : spec
}

/** The documents of a YAML stream as texts (each keeps its own lines; empty ones dropped). */
export function splitYamlDocuments(text: string): string[] {
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : [docs]
  if (list.length <= 1) return [text]
  return list.map(d => text.slice(d.range[0], d.range[2])).filter(d => d.replace(/#.*$/gm, '').replace(/^(---|\.\.\.)\s*$/gm, '').trim() !== '')
}

export async function loadSpec(file: string): Promise<Spec> {
  return parseSpec(await readSpecText(file, 'check the path given to --spec'), file)
}

/** Preprocessing options a data file (spec, manifest, PATCH.yaml) brings, and the folders its -I dirs may lie in. */
export interface DataFlags {
  /** The data file, as the error names it. */
  readonly file: string
  readonly cflags?: string | readonly string[]
  readonly define?: readonly string[]
  /** `include:` entries, already resolved against the data file's folder (as the proof will use them). */
  readonly include?: readonly string[]
  /** Folders every include directory must lie in (after symlinks are resolved): the tree, the file's folder. */
  readonly roots: readonly string[]
  /** What the roots are, in words, for the message (e.g. "the spec's folder or the C files' folders"). */
  readonly rootsText: string
}

export const DATA_FLAGS_HINT =
  'a spec, manifest or PATCH.yaml may pass only -D/-U, -I and include: folders inside the tree, -std=, -O/-g/-W and known -f/-m flags; ' +
  'flags you trust go on the command line (--cflags, -I, -D), see "Trust model" in the README'

/**
 * Refuse every flag, define and include folder of the data files that is not allow-listed (see
 * config/flags.ts), with one error naming each of them and its file, before any compiler runs.
 * An -I in `cflags:` is resolved the way gcc resolves it (against the working directory).
 */
export async function checkDataFiles(sources: readonly DataFlags[]): Promise<void> {
  const problems: string[] = []
  for (const src of sources) {
    const own: string[] = []
    const { refused, includeDirs } = checkDataFlags(splitFlags(src.cflags))
    for (const r of refused) own.push(`${shownFlag(r.flag)} (${r.why})`)
    for (const d of src.define ?? []) {
      const why = defineProblem(d)
      if (why) own.push(`define ${shownFlag(d)} (${why})`)
    }
    const roots = await Promise.all(src.roots.map(realPathOf))
    const dirs = [...includeDirs.map(d => ({ shown: `-I${d}`, at: d })), ...(src.include ?? []).map(d => ({ shown: `include ${d}`, at: d }))]
    for (const d of dirs) {
      const real = await realPathOf(d.at)
      if (!roots.some(r => isInside(r, real, path.sep))) own.push(`${shownFlag(d.shown)} (outside ${src.rootsText})`)
    }
    if (own.length) problems.push(`${shownFlag(src.file)}: ${own.join(', ')}`)
  }
  if (problems.length) {
    throw new ConfigError(`compiler flags refused in data files: ${problems.join('; ')}`, { hint: DATA_FLAGS_HINT })
  }
}

/**
 * A path with every symlink resolved as the kernel resolves it (`link/..` is the parent of the link's
 * target, not the folder holding the link); a path that does not exist (yet) is taken as written.
 */
export async function realPathOf(p: string): Promise<string> {
  try {
    return await realpath(path.isAbsolute(p) ? p : `${process.cwd()}${path.sep}${p}`)
  } catch {
    // the longest existing prefix, resolved, plus the rest
    const tail: string[] = []
    for (let head = path.resolve(p); ; head = path.dirname(head)) {
      const real = await realpath(head).catch(() => null)
      if (real !== null) return path.join(real, ...tail.reverse())
      tail.push(path.basename(head))
      /* c8 ignore next -- the root always exists */
      if (path.dirname(head) === head) return path.resolve(p)
    }
  }
}

/**
 * The spec of a single proof (`--spec`): its relative `include:` folders are relative to its own
 * folder, and its flags are checked. Include folders must lie in the spec's folder or in the
 * folder of either C file.
 */
export async function loadProofSpec(file: string, cFiles: readonly string[]): Promise<Spec> {
  const spec = includesRelativeTo(await loadSpec(file), file)
  await checkDataFiles([{
    file, cflags: spec.cflags, define: spec.define, include: spec.include,
    roots: [path.dirname(file), ...cFiles.map(f => path.dirname(f))],
    rootsText: "the spec's folder and the C files' folders",
  }])
  return spec
}
