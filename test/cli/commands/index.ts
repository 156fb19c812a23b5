import t from 'tap'
import { commands } from '../../../src/cli/commands/index.js'
import type { CliContext } from '../../../src/cli/context.js'

t.test('every command is listed: series, merge, cache, and verify as the default', async t => {
  const ctx: CliContext = { env: {}, stdout: () => {}, stderr: () => {}, isTTY: false }
  const list = commands(ctx)
  t.same(list.map(c => c.command), ['series [manifest]', 'merge <reports..>', 'cache <command>', '$0 <old> <new>'])
  t.match(list[3]!.describe, /prove that new\.c changes the function/)
  t.match(list[0]!.describe, /prove every function a series of patches changed/)
  for (const c of list) {
    t.type(c.handler, 'function')
    t.type(c.builder, 'function')
  }
})
