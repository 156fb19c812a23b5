/** Shared by the integration tests: run the real CLI in-process and insist on a real CBMC. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { main } from '../../src/main.js'
import { locateCbmc } from '../../src/cbmc/locate.js'
import type { ProofReport } from '../../src/report/types.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const HARNESSES = path.join(ROOT, 'harnesses')

/** Fails (never skips) when no CBMC >= 6 can be found, saying how to get one. */
export async function requireCbmc(): Promise<string> {
  try {
    const tool = await locateCbmc({ env: process.env, projectRoot: ROOT })
    return tool.cbmc
  } catch (err) {
    throw new Error(`integration tests need a real CBMC >= 6: ${(err as Error).message}\n` +
      'run `npm install` (it provisions CBMC into .klp-tools/), or set KLP_CBMC=/path/to/cbmc')
  }
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export async function runCli(argv: readonly string[], env: Record<string, string | undefined> = process.env): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    env,
    stdout: t => { stdout += t },
    stderr: t => { stderr += t.endsWith('\n') ? t : `${t}\n` },
    isTTY: false,
  })
  return { code, stdout, stderr }
}

export async function runCase(name: string, extra: readonly string[] = []): Promise<{ res: CliResult; report: ProofReport }> {
  const dir = path.join(HARNESSES, name)
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--spec', path.join(dir, 'spec.yaml'), '--format', 'json', ...extra])
  let report: ProofReport
  try {
    report = JSON.parse(res.stdout) as ProofReport
  } catch {
    throw new Error(`${name}: no JSON report (exit ${res.code}); stderr:\n${res.stderr}`)
  }
  return { res, report }
}

export interface Expectation {
  readonly verdict: string
  readonly reason?: string
  readonly unintended?: readonly string[]
  readonly intended?: readonly string[]
  readonly claims?: Readonly<Record<string, boolean | null>>
  readonly preExisting?: readonly string[]
}

export function expectationOf(name: string): Expectation {
  const spec = parse(readFileSync(path.join(HARNESSES, name, 'spec.yaml'), 'utf8')) as { expect?: Expectation }
  if (!spec.expect) throw new Error(`harnesses/${name}/spec.yaml has no expect: block`)
  return spec.expect
}
