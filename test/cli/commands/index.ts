import t from 'tap'
import { commands } from '../../../src/cli/commands/index.js'
import type { CliContext } from '../../../src/cli/context.js'

t.test('every command is listed, the verify command is the default', async t => {
  const ctx: CliContext = { env: {}, stdout: () => {}, stderr: () => {}, isTTY: false }
  const list = commands(ctx)
  t.equal(list.length, 1)
  t.equal(list[0].command, '$0 <old> <new>', 'default command with two positionals')
  t.match(list[0].describe, /prove that new\.c changes the function/)
  t.type(list[0].handler, 'function')
  t.type(list[0].builder, 'function')
})
