/** Every command, listed explicitly (commandDir does not work with ESM). */
import type { CliContext } from '../context.js'
import { verifyCommand } from './verify.js'

export const commands = (ctx: CliContext) => [verifyCommand(ctx)] as const
