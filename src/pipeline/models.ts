/** Load models of external functions: templates/models/*.yaml, then the user's --models DIR. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../errors.js'
import { parseYamlAs } from '../config/load.js'
import { TEMPLATES_DIR } from '../harness/render.js'
import type { ModelSpec } from '../model/types.js'
import { checkModelExprs, noteModelSource } from '../model/world.js'

const Expr = z.string().min(1)
export const ModelSchema = z
  .object({
    kind: z.enum(['alloc', 'free', 'lock', 'unlock', 'copy-in', 'copy-out', 'log', 'warn', 'bug', 'output']),
    size: Expr.optional(),
    zero: z.boolean().optional(),
    format: z.boolean().optional(),
    ptr: Expr.optional(),
    lock: Expr.optional(),
    to: Expr.optional(),
    from: Expr.optional(),
    value: Expr.optional(),
  })
  .strict()
const ModelFile = z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C function name'), ModelSchema)

export async function loadModelDir(dir: string): Promise<Map<string, ModelSpec>> {
  let files: string[]
  try {
    files = (await readdir(dir, { withFileTypes: true })).filter(e => !e.isDirectory() && /\.ya?ml$/.test(e.name)).map(e => e.name).sort()
  } catch (err) {
    throw new ConfigError(`cannot read models directory ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'pass a directory of *.yaml model files to --models', cause: err })
  }
  const out = new Map<string, ModelSpec>()
  for (const f of files) {
    const file = path.join(dir, f)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      throw new ConfigError(`cannot read model file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'pass a directory of *.yaml model files to --models', cause: err })
    }
    const hint = 'see templates/models/kernel.yaml for the format'
    const models = parseYamlAs(text, file, ModelFile, { yaml: hint, schema: hint })
    for (const [name, m] of Object.entries(models)) {
      checkModelExprs(name, m, file)
      noteModelSource(m, file)
      out.set(name, m)
    }
  }
  return out
}

/** Built-in models, overridden by the user's. */
export async function loadModels(userDir?: string): Promise<Map<string, ModelSpec>> {
  const models = await loadModelDir(path.join(TEMPLATES_DIR, 'models'))
  if (userDir) for (const [k, v] of await loadModelDir(userDir)) models.set(k, v)
  return models
}
