/** Run cbmc once and record the facts; never judge and never throw on a non-zero exit. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { execa, type Result } from 'execa'
import type { CbmcInvocation, CbmcRun, Termination } from './types.js'

export interface RunLimits {
  /**
   * Per-stream output limit in characters. V8 strings stop at 2^29 - 24 characters, so the default
   * stays below that (a 512 MiB limit could fail inside execa instead of reporting max-buffer).
   */
  readonly maxBuffer?: number
  /** Grace period between SIGTERM (timeout, cancel) and SIGKILL. */
  readonly forceKillAfterDelay?: number
}

export const DEFAULT_MAX_BUFFER = 500 * 1024 * 1024
export const DEFAULT_FORCE_KILL_AFTER_MS = 2000

export async function runCbmc(inv: CbmcInvocation, limits: RunLimits = {}): Promise<CbmcRun> {
  const start = performance.now()
  const [file, args] = withMemoryCap(inv)
  const sub = execa(file, args, {
    // its own process group: cbmc starts the SAT/SMT solver through a shell and does not stop it
    // when it is killed, so a timeout or Ctrl-C ends the whole group (below)
    detached: true,
    reject: false,
    cwd: inv.cwd,
    timeout: inv.timeoutMs,
    cancelSignal: inv.signal,
    forceKillAfterDelay: limits.forceKillAfterDelay ?? DEFAULT_FORCE_KILL_AFTER_MS,
    maxBuffer: limits.maxBuffer ?? DEFAULT_MAX_BUFFER,
    all: false,
    stdin: 'ignore',
    stripFinalNewline: false,
    env: {
      ...(inv.pathPrepend ? { PATH: `${inv.pathPrepend}${path.delimiter}${process.env.PATH ?? ''}` } : {}),
      ...(inv.tmpDir ? { TMPDIR: inv.tmpDir } : {}),
    },
  })
  const result = await sub
  if (sub.pid !== undefined) killGroup(sub.pid)
  const durationMs = performance.now() - start
  const termination = terminationOf(result)
  return {
    argv: [...inv.argv],
    command: result.escapedCommand,
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
    termination,
    durationMs,
    stdout: result.stdout,
    stderr: result.stderr,
    ...(termination === 'spawn-failed' ? { error: result.originalMessage } : {}),
    ...(termination === 'max-buffer' ? { error: `cbmc wrote more than ${Math.round((limits.maxBuffer ?? DEFAULT_MAX_BUFFER) / (1024 * 1024))} MB of output, the cap klp-verify reads; a smaller --unwind or --max-size keeps traces shorter` } : {}),
  }
}

/**
 * A memory cap is an address-space limit set by a POSIX shell that then execs cbmc (so the pid,
 * signals and timeouts are cbmc's own); the solvers cbmc starts inherit it. cbmc then reports
 * "Out of memory" instead of taking the machine down.
 */
export function withMemoryCap(inv: Pick<CbmcInvocation, 'cbmc' | 'argv' | 'memoryMb'>): [string, string[]] {
  if (inv.memoryMb === undefined) return [inv.cbmc, [...inv.argv]]
  const kib = Math.max(1, Math.floor(inv.memoryMb * 1024))
  return ['/bin/sh', ['-c', 'ulimit -v "$1" || exit 125; shift; exec "$@"', 'sh', String(kib), inv.cbmc, ...inv.argv]]
}

/** End whatever is left of a process group started with `detached: true` (solvers of a killed cbmc, gcc's cc1). */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // the group is already gone: the normal case
  }
}

type Outcome = Pick<Result, 'timedOut' | 'isCanceled' | 'isMaxBuffer' | 'failed' | 'exitCode' | 'signal'>

function terminationOf(r: Outcome): Termination {
  if (r.timedOut) return 'timeout'
  if (r.isCanceled) return 'cancelled'
  if (r.isMaxBuffer) return 'max-buffer'
  if (r.failed && r.exitCode === undefined && r.signal === undefined) return 'spawn-failed'
  return 'exited'
}

/** Linux's USER_HZ, the unit of the times in /proc/<pid>/stat (100 on every Linux ABI in use). */
const CLOCK_TICKS_PER_S = 100

/**
 * CPU time (user + system, ms) of every child process this process has waited for, and of their
 * waited-for descendants: cbmc together with the SAT/SMT solver it runs and waits for, gcc, …
 * (the kernel adds a process's times and its children's to its parent when the parent reaps it,
 * the `cutime`/`cstime` fields of /proc/self/stat). The difference of two readings is the CPU of
 * the processes that ended in between. A solver that outlives a killed cbmc is not counted (its
 * process group is killed, and no one of ours reaps it). undefined where /proc is not there.
 */
export function childrenCpuMs(statText?: string): number | undefined {
  let text = statText
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/stat', 'utf8')
      /* c8 ignore next 3 -- only where there is no /proc (not Linux), which the tests do not run on */
    } catch {
      return undefined
    }
  }
  // the command name (field 2) is in parentheses and may contain spaces: count fields after its ')'
  const rest = text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/)
  // rest[0] is field 3 (state): cutime and cstime are fields 16 and 17
  const cutime = Number(rest[13]), cstime = Number(rest[14])
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return undefined
  return ((cutime + cstime) * 1000) / CLOCK_TICKS_PER_S
}
