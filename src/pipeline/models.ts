/** Load models of external functions: templates/models/*.yaml, then the user's --models DIR. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../errors.js'
import { parseYamlAs } from '../config/load.js'
import { TEMPLATES_DIR } from '../harness/render.js'
import type { ModelSpec } from '../harness/types.js'
import { ARG_EXPR_HINT, argRules, checkExpr, shownExpr } from '../extract/validate-expr.js'

const Expr = z.string().min(1)
export const ModelSchema = z
  .object({
    kind: z.enum(['alloc', 'free', 'lock', 'unlock', 'copy-in', 'copy-out', 'log', 'warn', 'bug']),
    size: Expr.optional(),
    zero: z.boolean().optional(),
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
      SOURCE.set(m, file)
      out.set(name, m)
    }
  }
  return out
}

/** The fields of a model that are C expressions (pasted into the stub). */
export const MODEL_EXPR_FIELDS = ['size', 'ptr', 'lock', 'to', 'from', 'value'] as const

/** Which file each loaded model came from, for messages. */
const SOURCE = new WeakMap<ModelSpec, string>()

/**
 * Every expression of a model goes through the expression validator: over arg0, arg1, … only (below
 * the callee's arity when `callee` is given, as when a stub is built for a real call).
 */
export function checkModelExprs(name: string, m: ModelSpec, file = SOURCE.get(m), callee?: { readonly arity: number }): void {
  for (const field of MODEL_EXPR_FIELDS) {
    const text = m[field]
    if (text === undefined) continue
    const r = checkExpr(text, argRules('model expressions', callee && { name, arity: callee.arity }))
    if (!r.ok) {
      throw new ConfigError(`${file ? `${file}: ` : ''}model ${name}: ${field} '${shownExpr(text)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
    }
  }
}

/** Built-in models, overridden by the user's. */
export async function loadModels(userDir?: string): Promise<Map<string, ModelSpec>> {
  const models = await loadModelDir(path.join(TEMPLATES_DIR, 'models'))
  if (userDir) for (const [k, v] of await loadModelDir(userDir)) models.set(k, v)
  return models
}
