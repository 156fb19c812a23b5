/** Read and validate a spec file; errors become one clear ConfigError. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml, parseAllDocuments, YAMLParseError } from 'yaml'
import type { ZodError, ZodTypeAny, infer as Infer } from 'zod'
import { ConfigError } from '../errors.js'
import { SpecSchema, type Spec } from './schema.js'

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
