/** The series manifest (YAML): defaults for every proof and the entries (old, new, functions, spec). */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../errors.js'
import { parseYamlAs, realPathOf } from '../config/load.js'
import { isInside, shownFlag } from '../config/flags.js'
import type { SeriesSource } from './types.js'

const StrList = z.union([z.string(), z.array(z.string())]).transform(v => (Array.isArray(v) ? v : [v]))

export const ManifestSchema = z
  .object({
    defaults: z
      .object({
        unwind: z.union([z.literal('auto'), z.number().int().min(1)]).optional(),
        'max-unwind': z.number().int().min(1).optional(),
        'max-size': z.number().int().min(0).max(4096).optional(),
        'min-size': z.number().int().min(0).max(4096).optional(),
        timeout: z.number().positive().max(2147483).optional(),
        'proof-timeout': z.number().positive().max(2147483).optional(),
        memory: z.number().min(16, 'must be at least 16 (MiB)').optional(),
        fwrapv: z.boolean().optional(),
        cflags: StrList.optional(),
        include: StrList.optional(),
        define: StrList.optional(),
      })
      .strict()
      // both here: checked now (with --max-size, when each proof's options are resolved)
      .refine(d => d['min-size'] === undefined || d['max-size'] === undefined || d['min-size'] <= d['max-size'], { message: 'must not be above max-size', path: ['min-size'] })
      .default({}),
    entries: z
      .array(
        z
          .object({
            old: z.string().min(1),
            new: z.string().min(1),
            functions: z.union([z.literal('auto'), z.array(z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C identifier')).min(1)]).default('auto'),
            spec: z.string().optional(),
          })
          .strict(),
      )
      .min(1, 'a series needs at least one entry'),
  })
  .strict()

export type Manifest = z.infer<typeof ManifestSchema>

/**
 * Read a manifest; paths in it become relative to the current directory (they are relative to the
 * manifest). A manifest is a data file: every path in it (entries' old, new and spec, the defaults'
 * include folders) must be relative and stay inside the manifest's folder, symlinks resolved.
 */
export async function loadManifest(file: string): Promise<Manifest> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ConfigError(`cannot read manifest ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'check the path given to klp-verify series', cause: err })
  }
  const m = parseYamlAs(text, file, ManifestSchema, {
    yaml: 'check the indentation and quoting of the manifest',
    schema: 'a manifest has optional defaults: and entries: [{old, new, functions, spec}]',
  })
  const base = path.dirname(file)
  const rel = (p: string) => path.join(base, p)
  const named = [
    ...(m.defaults.include ?? []).map(p => ({ where: 'defaults.include', p })),
    ...m.entries.flatMap((e, i) => [
      { where: `entries.${i}.old`, p: e.old },
      { where: `entries.${i}.new`, p: e.new },
      ...(e.spec === undefined ? [] : [{ where: `entries.${i}.spec`, p: e.spec }]),
    ]),
  ]
  const root = await realPathOf(base)
  const outside: string[] = []
  for (const n of named) {
    if (path.isAbsolute(n.p) || !isInside(root, await realPathOf(rel(n.p)), path.sep)) outside.push(`${n.where} ${shownFlag(n.p)}`)
  }
  if (outside.length) {
    throw new ConfigError(`${file}: paths outside the manifest's folder: ${outside.join(', ')}`, {
      hint: "a manifest names files by paths relative to its own folder, inside it: put the manifest at the top of the files it lists",
    })
  }
  return {
    defaults: { ...m.defaults, ...(m.defaults.include ? { include: m.defaults.include.map(rel) } : {}) },
    entries: m.entries.map(e => ({ ...e, old: rel(e.old), new: rel(e.new), ...(e.spec ? { spec: rel(e.spec) } : {}) })),
  }
}

/** A manifest as a series source: each entry is one patch of one file (entries are independent: no base → tip). */
export function manifestSource(m: Manifest, file: string): SeriesSource {
  return {
    kind: 'manifest',
    description: file,
    patches: m.entries.map((e, i) => ({
      id: i,
      index: i,
      title: `${e.old} → ${e.new}`,
      files: [{ key: e.new, oldLabel: e.old, newLabel: e.new, oldPath: e.old, newPath: e.new, oldIncludes: [], newIncludes: [] }],
      functions: e.functions,
      specs: e.spec ? [e.spec] : [],
      trailerClaims: {},
    })),
    baseTip: [],
    root: path.dirname(file),
    cleanup: async () => {},
  }
}
