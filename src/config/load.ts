/** Read and validate a spec file; errors become one clear ConfigError. */
import { readFile } from 'node:fs/promises'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { ZodError } from 'zod'
import { ConfigError } from '../errors.js'
import { SpecSchema, type Spec } from './schema.js'

export function formatZodIssues(err: ZodError): string {
  return err.issues.map(i => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('; ')
}

export function parseSpec(text: string, file: string): Spec {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `:${err.linePos[0].line}` : ''
    throw new ConfigError(`${file}${where}: not valid YAML (${(err as Error).message.split('\n')[0]!.replace(/:$/, '')})`, { hint: 'check the indentation and quoting of the spec file', cause: err })
  }
  const r = SpecSchema.safeParse(data ?? {})
  if (!r.success) {
    throw new ConfigError(`${file}: ${formatZodIssues(r.error)}`, { hint: 'see "Spec files" in the README for the allowed keys' })
  }
  return r.data
}

export async function loadSpec(file: string): Promise<Spec> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ConfigError(`cannot read spec file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { hint: 'check the path given to --spec', cause: err })
  }
  return parseSpec(text, file)
}
