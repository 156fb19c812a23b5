/**
 * Long extraction work (a file of many thousands of functions) gives the event loop a turn between
 * steps, so SIGINT/SIGTERM are handled at once, and stops there when the run was aborted.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'

/** Let pending events (a signal) run, then throw the abort reason if the run was aborted. */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted()
  await yieldToLoop()
  signal?.throwIfAborted()
}

/**
 * Work written once as a generator that yields between steps: `finishSync` runs it through (pure callers,
 * tests), `finishAsync` gives the event loop a turn at each yield and stops there when the run was aborted.
 */
export function finishSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

export async function finishAsync<T>(steps: Generator<void, T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    await checkpoint(signal)
  }
}
