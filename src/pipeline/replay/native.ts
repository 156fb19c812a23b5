/**
 * Native replay: rebuild the harness of the run that found a difference with gcc (ASan, UBSan,
 * pattern-initialised locals), feed it the counterexample's values and run it; judge.ts says
 * whether the native run shows the same difference. The program stays next to the kept harness for gdb.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import type { TraceStep } from '../../cbmc/types.js'
import type { Found, JobResult, SafetyViolation } from '../../classify/types.js'
import type { Harness } from '../../harness/types.js'
import { MARK } from '../../model/names.js'
import { bytesOnly, judgeNative } from './judge.js'
import { NATIVE_MAIN, NATIVE_PRELUDE, nondetSites, nondetValues, parseNative, replayHeader, type NativeOutcome } from './values.js'

export const GCC_FLAGS = [
  '-std=gnu11', '-g', '-O0', '-w', '-fno-strict-aliasing', '-ftrivial-auto-var-init=pattern',
  '-fsanitize=address,undefined', '-fsanitize-recover=all', '-fno-sanitize=alignment',
  // the file's other functions may call what is defined nowhere: drop them instead of failing to link
  '-ffunction-sections', '-Wl,--gc-sections',
]
/** Libraries the replay program links (libm is not part of libc; gcc links libc by itself). */
export const LINK_LIBS = ['-lm']
/** Every child process has a time limit and an output cap. */
export const REPLAY_LIMITS = { buildMs: 120_000, runMs: 60_000, maxBuffer: 16 * 1024 * 1024, probeMs: 10_000 } as const
const RUN_ENV = {
  ASAN_OPTIONS: 'halt_on_error=0:detect_leaks=0:abort_on_error=0:print_summary=0',
  UBSAN_OPTIONS: 'halt_on_error=0:print_stacktrace=0',
}

export interface ReplayContext {
  readonly gcc: string
  readonly fwrapv: boolean
  /** Plain char is unsigned, as cbmc ran (--unsigned-char from the build's -funsigned-char). */
  readonly unsignedChar?: boolean
  readonly signal?: AbortSignal
}

/** Build and run one replay program; undefined outcome with a reason when it cannot be built or run. */
async function buildAndRun(ctx: ReplayContext, dir: string, native: Harness, trace: readonly TraceStep[]): Promise<NativeOutcome | string> {
  await mkdir(dir, { recursive: true })
  const sites = nondetSites(native.files[0]!.text)
  await writeFile(path.join(dir, 'klp-replay.h'), replayHeader(nondetValues(trace, sites), sites.names))
  await writeFile(path.join(dir, 'replay-old.c'), NATIVE_PRELUDE + native.files[0]!.text)
  await writeFile(path.join(dir, 'replay-new.c'), native.files[1]!.text)
  await writeFile(path.join(dir, 'replay-main.c'), NATIVE_MAIN)
  const flags = [...GCC_FLAGS, ...(ctx.fwrapv ? ['-fwrapv'] : []), ...(ctx.unsignedChar ? ['-funsigned-char'] : [])]
  // the code may call libm (sqrt, floor, …): link it, after the objects that need it
  const argv = [...flags, '-I', '.', 'replay-old.c', 'replay-new.c', 'replay-main.c', '-o', 'replay', ...LINK_LIBS]
  await writeFile(path.join(dir, 'build.sh'), `#!/bin/sh\n# Build and run the native replay of this counterexample (debug it with: gdb ./replay)\ncd "$(dirname "$0")"\n${ctx.gcc} ${argv.join(' ')} && ASAN_OPTIONS=${RUN_ENV.ASAN_OPTIONS} UBSAN_OPTIONS=${RUN_ENV.UBSAN_OPTIONS} ./replay\n`, { mode: 0o755 })
  // gcc's temporary files (cc*.s) stay in the replay folder, which goes away with the proof
  const cc = await execa(ctx.gcc, argv, { cwd: dir, reject: false, timeout: REPLAY_LIMITS.buildMs, cancelSignal: ctx.signal, env: { TMPDIR: dir }, stdin: 'ignore', maxBuffer: REPLAY_LIMITS.maxBuffer, forceKillAfterDelay: 1000 })
  ctx.signal?.throwIfAborted()
  if (cc.timedOut) return `the replay program did not build within ${REPLAY_LIMITS.buildMs / 1000} s`
  if (cc.isMaxBuffer) return `gcc wrote more than ${REPLAY_LIMITS.maxBuffer / (1024 * 1024)} MB of messages building the replay program`
  if (cc.exitCode !== 0) {
    const first = String(cc.stderr).split('\n').find(l => /error/.test(l)) ?? String(cc.stderr).split('\n')[0] ?? ''
    return `the replay program does not build with gcc (${first.trim().slice(0, 160)})`
  }
  const run = await execa(path.join(dir, 'replay'), [], {
    cwd: dir, reject: false, timeout: REPLAY_LIMITS.runMs, env: RUN_ENV, cancelSignal: ctx.signal, stdin: 'ignore', maxBuffer: REPLAY_LIMITS.maxBuffer, forceKillAfterDelay: 1000,
  })
  ctx.signal?.throwIfAborted()
  if (run.timedOut) return `the native run did not finish within ${REPLAY_LIMITS.runMs / 1000} s`
  // the code under proof may print without end: its output is capped, and then no evidence
  if (run.isMaxBuffer) return `the native run wrote more than ${REPLAY_LIMITS.maxBuffer / (1024 * 1024)} MB of output`
  const out = parseNative(String(run.stdout), String(run.stderr))
  if (!out.done && !out.assumeFailed && run.signal) return `the native run crashed (${run.signal})${out.sanitizer[0] ? `: ${out.sanitizer[0]}` : ''}`
  return out
}

/** Replay every finding of one run; returns the run with each finding marked. */
export async function replayRun(ctx: ReplayContext, job: JobResult, native: Harness, dir: string, budget: { left: number }): Promise<JobResult> {
  let n = 0
  const one = async <T extends Found | SafetyViolation>(f: T, tag: string | undefined, what: string, safety: boolean): Promise<T> => {
    if (!f.trace?.length) return { ...f, confirmed: 'n/a', confirmation: 'no counterexample trace to replay' }
    if (budget.left <= 0) return { ...f, confirmed: 'n/a', confirmation: 'not replayed: replay budget of this proof used up' }
    budget.left--
    const out = await buildAndRun(ctx, path.join(dir, `replay-${++n}`), native, f.trace)
    const v = judgeNative(out, tag, what, safety)
    return { ...f, confirmed: v.confirmed, confirmation: `${v.confirmation} (program: ${path.basename(dir)}/replay-${n})` }
  }
  const eqFailures = []
  for (const f of job.eqFailures) eqFailures.push(bytesOnly(await one(f, `${MARK.eq} ${f.observable} `, f.label, false)))
  const claim = job.mode.kind === 'claim' ? job.mode.claim : -1
  const reach = job.reach ? bytesOnly(await one(job.reach, `${MARK.reach} ${claim} `, 'difference', false)) : undefined
  const thenFailure = job.thenFailure ? await one(job.thenFailure, `${MARK.then} ${claim} `, 'THEN failure', false) : undefined
  const safety = []
  for (const v of job.safety) safety.push(await one(v, undefined, v.kind, true))
  return { ...job, eqFailures, reach, thenFailure, safety }
}

/** The gcc to use, or undefined. */
export async function findGcc(): Promise<string | undefined> {
  const r = await execa('gcc', ['--version'], { reject: false, stdin: 'ignore', timeout: REPLAY_LIMITS.probeMs, maxBuffer: 1024 * 1024 })
  return r.exitCode === 0 ? 'gcc' : undefined
}
