/** Judge one cbmc run from its properties (kani VerificationResult::from; BenchExec determine_result). */
import { propertyClass, renderValue } from '../cbmc/parse.js'
import type { CbmcMessage, CbmcRun, ParseResult, Property, RawValue, SourceLocation } from '../cbmc/types.js'
import { DYN_BASE, ENTRY_MARK, LIMIT_MARK, MARK, MAX_CALLS, PREFIX, VAR, parseMarker } from '../model/names.js'
import { callSequences, differingValues, entryValues, inputsOf, isFalse, lastValues } from './trace.js'
import type { EqFailure, JobInput, JobResult, JobStatus, OpenLoop, SafetyViolation } from './types.js'

const KIND: Readonly<Record<string, string>> = {
  array_bounds: 'array bounds',
  pointer_dereference: 'pointer dereference',
  overflow: 'arithmetic overflow',
  'division-by-zero': 'division by zero',
  'undefined-shift': 'undefined shift',
  pointer_arithmetic: 'pointer arithmetic',
  pointer: 'pointer comparison',
  pointer_primitives: 'pointer primitive',
  'memory-leak': 'memory leak',
  assertion: 'assertion',
  bad_shift: 'undefined shift',
  enum_range_check: 'enum range',
  float_div_by_zero: 'division by zero',
  conversion: 'conversion overflow',
}

export function locationText(loc: SourceLocation | undefined): string | undefined {
  if (!loc?.file || loc.line === undefined) return undefined
  return `${loc.file.replace(/^.*\//, '')}:${loc.line}`
}

/** Which version's function (source name) a property belongs to, from its function or the trace's call stack. */
export function ownerOf(p: Property): { version: 'old' | 'new'; fn: string } | undefined {
  const direct = versionOf(p.location?.function)
  if (direct) return direct
  // library-internal checks (memcpy.pointer…) belong to the innermost version function that called them
  const stack: string[] = []
  for (const s of p.trace ?? []) {
    if (s.stepType === 'function-call' && s.function) stack.push(s.function)
    else if (s.stepType === 'function-return') stack.pop()
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const v = versionOf(stack[i])
    if (v) return { ...v, fn: `${v.fn} (in ${p.location?.function ?? '?'})` }
  }
  return undefined
}

function versionOf(fn: string | undefined): { version: 'old' | 'new'; fn: string } | undefined {
  if (!fn) return undefined
  if (fn.startsWith(PREFIX.old)) return { version: 'old', fn: fn.slice(PREFIX.old.length) }
  if (fn.startsWith(PREFIX.new)) return { version: 'new', fn: fn.slice(PREFIX.new.length) }
  return undefined
}

function safetyKind(p: Property): string {
  const cls = propertyClass(p.id) ?? 'check'
  // library preconditions and the models' own checks (locks, BUG()) say what went wrong
  if (cls === 'precondition_instance' || (cls === 'assertion' && /^(lock:|BUG\(\))/.test(p.description))) return p.description
  return KIND[cls] ?? cls.replace(/[_-]/g, ' ')
}

/** What stopped a cbmc that died of a signal, and what to do about it (no memory evidence: not out-of-memory). */
export function signalCause(signal: string): { error: string; hint: string } {
  if (signal === 'SIGKILL') {
    return {
      error: 'cbmc was killed (SIGKILL) by something outside klp-verify, not by its time limit, and reported no memory exhaustion',
      hint: 'another process or the system stopped cbmc (the kernel OOM killer logs to dmesg); re-run it, and cap cbmc with --memory to get a clean out-of-memory verdict',
    }
  }
  if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGHUP' || signal === 'SIGQUIT') {
    return { error: `cbmc was stopped by ${signal} from outside klp-verify`, hint: 'something else ended the cbmc process; re-run the proof' }
  }
  return {
    error: `cbmc crashed (${signal})`,
    hint: 'this is a crash of cbmc, not a verdict about the code: re-run with --keep-harness DIR to reproduce it with cbmc-command.txt, or try another cbmc with --cbmc',
  }
}

/**
 * The one out-of-memory detector, for loading a program and for verification runs: only with
 * evidence, i.e. cbmc says so in an ERROR message, or the C++ runtime (under a --memory cap) or the
 * system does on stderr. A killed cbmc without such words is not out of memory.
 */
export function saysOutOfMemory(run: Pick<CbmcRun, 'stderr'>, messages: readonly CbmcMessage[]): boolean {
  return messages.some(m => m.type === 'ERROR' && /out of memory|std::bad_alloc/i.test(m.text)) || /bad_alloc|out of memory|cannot allocate memory/i.test(run.stderr)
}

function statusOf(run: CbmcRun, parsed: ParseResult): { status: JobStatus; error?: string; hint?: string } {
  if (run.termination === 'timeout') return { status: 'timeout' }
  if (run.termination === 'cancelled') return { status: 'cancelled' }
  if (saysOutOfMemory(run, parsed.messages)) return { status: 'out-of-memory' }
  const signal = run.signal ?? (run.exitCode !== null && run.exitCode > 128 && run.exitCode < 160 ? signalName(run.exitCode - 128) : null)
  if (signal) return { status: 'error', ...signalCause(signal) }
  if (run.termination !== 'exited') return { status: 'error', error: `cbmc could not run (${run.termination})${run.error ? `: ${run.error}` : ''}` }
  if (!parsed.ok) return { status: 'error', error: `cbmc output could not be read: ${parsed.reason}${firstErrors(parsed.messages, run.stderr)}` }
  if (!parsed.properties) return { status: 'error', error: `cbmc reported no results (exit ${run.exitCode})${firstErrors(parsed.messages, run.stderr)}` }
  if (parsed.properties.some(p => p.status === 'ERROR')) return { status: 'error', error: 'the SAT solver failed (properties in ERROR state)' }
  return { status: 'complete' }
}

/** `9` → `SIGKILL` (a shell that ran cbmc reports a signal as exit 128 + n). */
function signalName(n: number): string {
  const names: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 11: 'SIGSEGV', 13: 'SIGPIPE', 15: 'SIGTERM' }
  return names[n] ?? `signal ${n}`
}

function firstErrors(messages: ParseResult['messages'], stderr: string): string {
  const errs = messages.filter(m => m.type === 'ERROR').map(m => {
    const at = locationText(m.location)
    return at ? `${at}: ${m.text}` : m.text
  })
  const lines = errs.length ? errs : stderr.split('\n').filter(l => l.trim()).slice(0, 3)
  return lines.length ? `: ${lines.slice(0, 3).join('; ')}` : ''
}

/** Unwinding assertions, and the harness's own limits (e.g. on external calls), bound the search. */
const isLimit = (p: Property) => p.description.startsWith(LIMIT_MARK)
const isUnwind = (p: Property) => {
  const c = propertyClass(p.id)
  return c === 'unwind' || c === 'recursion' || isLimit(p)
}

const isEntry = (p: Property) => p.description.startsWith(`${ENTRY_MARK} `)

/** Quote a list of names for one error line, at most `max` of them. */
function listed(names: readonly string[], max = 4): string {
  const shown = names.slice(0, max).map(n => `'${n}'`).join(', ')
  return names.length > max ? `${shown} and ${names.length - max} more` : shown
}

/**
 * What the run failed to decide that the harness planted: every planted description (or, in a run
 * restricted with --property, every restricted id) must come back with a status; a cbmc that drops
 * one (--no-assertions, a narrowing option, a broken or fake binary) proved nothing.
 */
function missingProperties(job: JobInput, props: readonly Property[]): string[] {
  if (job.properties) {
    const ids = new Set(props.map(p => p.id))
    return job.properties.filter(id => !ids.has(id))
  }
  const descs = new Set(props.map(p => p.description))
  const ids = new Set(props.map(p => p.id))
  return [...job.harness.planted.filter(d => !descs.has(d)), ...(job.instrumented ?? []).filter(id => !ids.has(id))]
}

export function interpretRun(job: JobInput, run: CbmcRun, parsed: ParseResult): JobResult {
  const { harness } = job
  const base = { run: job.run, mode: harness.mode, unwind: job.unwind, durationMs: run.durationMs, command: run.command }
  const st = statusOf(run, parsed)
  const empty = { openLoops: [], noBody: [], eqFailures: [], reachProven: false, safety: [], findingIds: [] }
  if (st.status !== 'complete' || !parsed.ok || !parsed.properties) {
    return { ...base, ...empty, status: st.status, errors: st.error ? [st.error] : [], ...(st.hint ? { hints: [st.hint] } : {}) }
  }
  const props = parsed.properties
  // the entry state must be reachable: otherwise every property holds vacuously
  const entry = props.find(isEntry)
  if (entry?.status === 'SUCCESS') {
    const what = harness.entryAssumptions.length ? `the entry assumptions (${listed(harness.entryAssumptions, 8)})` : 'the harness\'s entry state'
    return { ...base, ...empty, status: 'error', vacuous: true, errors: [`${what} allow no input at all, so every property would hold vacuously; nothing was proved`],
      hints: ['drop or relax the contradicting --assume / spec assume: / Klp-Assume: entries, buffer lengths (--buffer, --max-size) or held: locks'] }
  }
  const missing = missingProperties(job, props)
  if (missing.length) {
    return {
      ...base, ...empty, status: 'error',
      errors: [`cbmc reported no status for ${missing.length} of the properties klp-verify planted (${listed(missing)}); a run that drops properties proves nothing (check --cbmc-arg and --cbmc)`],
      hints: ['run with a real cbmc (--cbmc, $KLP_CBMC) and without options that drop properties'],
    }
  }
  const failed = props.filter(p => p.status === 'FAILURE')
  const openLoops: OpenLoop[] = failed.filter(isUnwind).map(p => ({
    loop: isLimit(p) ? p.description.replace(`${LIMIT_MARK} `, 'limit: ') : p.id.replace(/\.unwind\.(\d+)$/, '.$1').replace(/\.recursion$/, ''),
    location: isLimit(p) ? undefined : locationText(p.location),
    recursion: propertyClass(p.id) === 'recursion',
  }))
  const noBody = [...new Set(failed.filter(p => propertyClass(p.id) === 'no-body').map(p => p.description.replace(/^no body for callee /, '')))]
  const eqFailures: EqFailure[] = []
  let reach: JobResult['reach']
  let reachProven = false
  let thenFailure: JobResult['thenFailure']
  const safety: SafetyViolation[] = []
  const errors: string[] = []
  for (const p of props) {
    if (isEntry(p)) continue
    const m = parseMarker(p.description)
    if (m) {
      if (p.status === 'SUCCESS' && m.tag === MARK.reach) reachProven = true
      if (p.status !== 'FAILURE') continue
      const values = lastValues(p.trace)
      const inputs = inputsOf(entryValues(p.trace), harness.inputs)
      if (m.tag === MARK.eq) {
        const obs = harness.observables[m.index]
        if (!obs) continue
        const vals = obs.calls ? callSequences(values, obs, MAX_CALLS, DYN_BASE) : differingValues(values, obs)
        eqFailures.push({ observable: m.index, label: obs.label, kind: obs.kind, inputs, values: vals, trace: p.trace })
      } else if (m.tag === MARK.reach) {
        const differing = harness.observables.filter(o => isFalse(values.get(VAR.same(o.index))))
        reach = { inputs, values: differing.flatMap(o => (o.calls ? callSequences(values, o, MAX_CALLS, DYN_BASE) : differingValues(values, o))), observables: differing.map(o => o.label), trace: p.trace }
      } else {
        thenFailure = { inputs, values: thenValues(values), trace: p.trace }
      }
      continue
    }
    if (p.status !== 'FAILURE' || isUnwind(p) || propertyClass(p.id) === 'no-body') continue
    if (harness.checks !== 'all') continue // equivalence runs check only their own assertions
    const owner = ownerOf(p)
    if (!owner) {
      errors.push(`the harness itself failed a check (${p.description} at ${locationText(p.location) ?? p.id}); a claim or assumption may dereference a NULL or out-of-bounds pointer`)
      continue
    }
    const kind = safetyKind(p)
    safety.push({
      key: `${kind}|${owner.fn}`,
      kind,
      version: owner.version,
      function: owner.fn,
      description: p.description,
      location: locationText(p.location),
      inputs: inputsOf(entryValues(p.trace), harness.inputs),
      trace: p.trace,
    })
  }
  // a property cbmc could not decide (UNKNOWN after a failed fatal check, NOT CHECKED) is not a proof
  const undecided = props.some(p => (p.status === 'UNKNOWN' || p.status === 'NOT CHECKED') && (parseMarker(p.description) !== undefined || isUnwind(p)))
  const status: JobStatus = errors.length ? 'error' : openLoops.length ? 'bound-too-small' : undecided ? 'undetermined' : 'complete'
  const findingIds = failed.filter(p => !isEntry(p) && !isUnwind(p) && propertyClass(p.id) !== 'no-body' && (parseMarker(p.description) || harness.checks === 'all')).map(p => p.id)
  return { ...base, status, openLoops, noBody, eqFailures, reach, reachProven, thenFailure, safety, errors, findingIds }
}

function thenValues(values: Map<string, RawValue>) {
  const o = values.get(VAR.retOld), n = values.get(VAR.retNew)
  return o && n ? [{ what: 'return', old: renderValue(o), new: renderValue(n) }] : []
}

