/**
 * Output to standard output and standard error (printf, puts, fprintf, …: templates/models/libc.yaml,
 * kind `output`) is observable behaviour: each call's stub logs, besides its arguments, the text it
 * writes and the value of each conversion of a format, as the blob the calls observable compares
 * (templates/partials/world-output.c.hbs). Pure: it adds the views the templates print to a world plan.
 */
import { ConfigError } from '../errors.js'
import { LIMIT_MARK, MAX_BLOB } from '../model/names.js'
import type { ExternalStub } from '../model/types.js'
import type { ExternalsPlan, StubView } from './externals.js'

/** `KLP_LIMIT output text`: a call writes more than the world compares (inconclusive, never equal). */
export const OUTPUT_LIMIT = `${LIMIT_MARK} output text`
/** The logging function the output stubs call; its loops in cbmc's numbering (text, flags, %s). */
export const OUTPUT_FN = 'klp_out_log'
const OUTPUT_LOOPS = 3

/** What an output stub logs: the text at argument `text`; `va`: how its values are reached. */
export interface OutputView {
  readonly fn: string
  readonly text: string
  /** A variadic stub starts the values after its last fixed argument; a vprintf-like one copies its va_list. */
  readonly start: string | null
  readonly copy: string | null
}

export interface OutputRuntime {
  readonly fn: string
  readonly blob: number
  readonly limit: string
}

export type StubWithOutput = StubView & { readonly output: OutputView | null }
export type PlanWithOutput<P extends ExternalsPlan> = Omit<P, 'stubs'> & { readonly stubs: readonly StubWithOutput[]; readonly output: OutputRuntime | null }

const HINT = 'an output model names its text argument as `from: argN` (the format with `format: true`); see templates/models/libc.yaml'

/** The output view of one stub, or null when its model is not `output` or it writes no text (putchar: its argument is logged). */
export function outputView(s: ExternalStub): OutputView | null {
  const m = s.model
  if (m?.kind !== 'output' || m.from === undefined) return null
  const sig = s.fn.signature
  const at = /^\s*arg(\d+)\s*$/.exec(m.from)
  const i = at ? Number(at[1]) : -1
  if (i < 0 || i >= sig.params.length) throw new ConfigError(`model ${s.fn.name}: from '${m.from}' is not one of its arguments`, { hint: HINT })
  if (!m.format) return { fn: OUTPUT_FN, text: `klp_a${i}`, start: null, copy: null }
  if (sig.variadic) return { fn: OUTPUT_FN, text: `klp_a${i}`, start: `klp_a${sig.params.length - 1}`, copy: null }
  if (i + 1 >= sig.params.length) throw new ConfigError(`model ${s.fn.name}: a format takes values, but ${s.fn.name}() is neither variadic nor has a va_list after its format`, { hint: HINT })
  return { fn: OUTPUT_FN, text: `klp_a${i}`, start: null, copy: `klp_a${i + 1}` }
}

/** The world plan with each stub's output view, the logging runtime when a stub writes text, and its loops' bounds. */
export function withOutput<P extends ExternalsPlan>(plan: P, stubs: readonly ExternalStub[]): PlanWithOutput<P> {
  const views = plan.stubs.map((v, i) => ({ ...v, output: stubs[i] ? outputView(stubs[i]!) : null }))
  const any = views.some(v => v.output !== null)
  return {
    ...plan,
    stubs: views,
    output: any ? { fn: OUTPUT_FN, blob: MAX_BLOB, limit: OUTPUT_LIMIT } : null,
    unwindset: [...plan.unwindset, ...(any ? Array.from({ length: OUTPUT_LOOPS }, (_, j) => ({ loop: `${OUTPUT_FN}.${j}`, bound: MAX_BLOB + 2 })) : [])],
  }
}
