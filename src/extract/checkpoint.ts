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
