/**
 * One version of the pair as extraction reads it: preprocessed, cut to the function's closure, rewritten
 * for CBMC and analysed, or the reason it cannot be (a syntax error at its real file:line, a function
 * the file does not define).
 */
import path from 'node:path'
import { ExtractError } from '../errors.js'
import { markerName, preprocess, type PreprocessOptions } from './read.js'
import { checkpoint } from './checkpoint.js'
import { firstSyntaxError } from './c-parser.js'
import { analyzeUnit, type Unit } from './unit.js'
import { cutClosure, definedFunctions } from './closure.js'
import { applyCompat } from './closure-compat.js'
import { modelAsm } from './asm-models.js'
import { dropModelledBodies } from './world-bodies.js'
import { sameFile } from './pp-text.js'
import type { ExtractOptions } from './extract.js'

/**
 * One version: gcc -E, then the function's closure (what it reaches: types, globals, helpers, prototypes;
 * closure.ts) with the kernel→CBMC rewrites (closure-compat.ts), then the analysis of that text only. A
 * kernel TU is 4k–120k lines of which a function reaches 0.02–16 %; the rest is never parsed, renamed or
 * given to cbmc. A function the file does not define leaves `unit` out (pairOf reports it, old first).
 */
export async function loadVersion(version: 'old' | 'new', file: string, opts: ExtractOptions): Promise<Loaded> {
  const pp = await preprocess(file, {
    includes: [...(opts.sideIncludes?.[version] ?? []), ...opts.includes], defines: opts.defines, cflags: opts.cflags, exprs: opts.exprs, memo: opts.memo,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.memoryMb ? { memoryMb: opts.memoryMb } : {}), ...(opts.signal ? { signal: opts.signal } : {}),
  } satisfies PreprocessOptions)
  await checkpoint(opts.signal)
  const closure = cutClosure(pp.text, opts.func, { bodies: 'all', roots: exprNames(pp.exprs) })
  if (!closure) return { version, pp, missing: suggest(definedFunctions(pp.text), opts.func) }
  // header functions the world models become its stubs (world-bodies.ts); inline asm that computes
  // something gets a C model or stands out (asm-models.ts)
  const modelled = dropModelledBodies(applyCompat(closure.text).text, opts.modelled ?? new Set(), markerName(path.resolve(file)))
  const unit = await analyzeUnit(modelAsm(modelled.text).text, opts.signal)
  const syntax = closureSyntaxError(unit, markerName(path.resolve(file)))
  if (syntax) {
    unit.tree.delete()
    // the user's file by the name they gave (a line marker spells an odd name as %XX)
    throw new ExtractError(`${syntax.inUserFile ? file : syntax.file}:${syntax.line}: C that does not parse (near '${syntax.text.split('\n')[0]}')`, {
      hint: syntax.inUserFile
        ? 'fix the syntax error, or pass the macros the file needs with -D / --cflags'
        : `${opts.func}() reaches this header code (a type, global or helper it uses) and klp-verify's C reader cannot read it; report the construct, or check the -D / --cflags that select it`,
    })
  }
  return { version, pp, unit }
}

/** Identifiers of the macro-expanded claims and assumptions: the closure must define what they name. */
function exprNames(exprs: readonly string[]): string[] {
  return [...new Set(exprs.flatMap(e => e.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, ' ').match(/[A-Za-z_]\w*/g) ?? []))]
}

/**
 * The first syntax error anywhere in the closure (every line of it is code the function reaches), at its
 * real file and line (a header's when it is in a header), or undefined.
 */
function closureSyntaxError(unit: Unit, userFile: string): { file: string; line: number; text: string; inUserFile: boolean } | undefined {
  const err = firstSyntaxError(unit.tree.rootNode)
  if (!err) return undefined
  const at = unit.location(err.line - 1)
  const inUserFile = sameFile(at.file, userFile)
  return { file: inUserFile ? userFile : at.file, line: at.line, text: err.text, inUserFile }
}

export function suggest(defined: readonly string[], func: string): string {
  const names = defined.filter(n => !n.startsWith('__'))
  const close = names.filter(n => n.includes(func) || func.includes(n)).slice(0, 5)
  const shown = (close.length ? close : names.slice(0, 8)).join(', ')
  return shown ? `functions defined there: ${shown}` : 'the file defines no functions'
}

export interface Loaded {
  readonly version: 'old' | 'new'
  readonly pp: Awaited<ReturnType<typeof preprocess>>
  readonly unit?: Unit
  /** The hint when the file does not define the function. */
  readonly missing?: string
}

/** A version that defines the function, or the error saying it does not (old before new). */
export function defined(v: Loaded, opts: ExtractOptions): Loaded & { readonly unit: Unit } {
  if (v.unit) return v as Loaded & { readonly unit: Unit }
  throw new ExtractError(`function ${opts.func}() is not defined in ${v.version === 'old' ? opts.oldPath : opts.newPath}`, { hint: v.missing! })
}

export type Defined = Loaded & { readonly unit: Unit }
