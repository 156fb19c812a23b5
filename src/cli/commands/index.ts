/** Every command, listed explicitly (commandDir does not work with ESM). */
import type { CommandModule } from 'yargs'
import type { CliContext } from '../context.js'
import { cacheCommand } from './cache.js'
import { mergeCommand } from './merge.js'
import { seriesCommand } from './series.js'
import { verifyCommand } from './verify.js'

export const commands = (ctx: CliContext): readonly CommandModule[] => [
  seriesCommand(ctx) as unknown as CommandModule,
  mergeCommand(ctx) as unknown as CommandModule,
  cacheCommand(ctx) as unknown as CommandModule,
  verifyCommand(ctx) as unknown as CommandModule,
]
