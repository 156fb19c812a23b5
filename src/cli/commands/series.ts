/** `klp-verify series MANIFEST | --git REPO --range A..B | --tree DIR --patches DIR`: prove a patch series. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs'
import { UsageError } from '../../errors.js'
import { buildContextOptions, checkSingleValued, proofOptions } from '../options.js'
import type { ProofArgs } from '../../pipeline/resolve.js'
import type { CliContext } from '../context.js'

export const SERIES_FORMATS = ['text', 'json', 'junit', 'markdown', 'html'] as const

export interface SeriesArgs extends Omit<ProofArgs, 'old' | 'new'> {
  readonly manifest?: string
  readonly git?: string
  readonly range?: string
  readonly tree?: string
  readonly patches?: string
  readonly format: (typeof SERIES_FORMATS)[number]
  readonly output?: string
  readonly baseline?: string
  readonly cache: boolean
  readonly cacheDir?: string
  /** Spec files for every patch (one YAML document per function). */
  readonly spec?: readonly string[]
  readonly verbose?: boolean
  readonly debug?: boolean
  /** Print the planned proofs (id, function, patch, shard, expected cost) without running them. */
  readonly list?: boolean
  /** Plan only: per patch and changed file, the changed functions and the proofs planned for them; exit 3 when one could not be planned. */
  readonly planOnly?: boolean
  /** `I/N`: run only shard I of N. */
  readonly shard?: string
  /** Kubernetes Indexed Jobs: the number of shards (JOB_COMPLETION_INDEX says which one). */
  readonly shards?: number
  /** A previous JSON report: expected cost per proof, to balance the shards. */
  readonly durations?: string
  /** The build context (src/kbuild): a compile_commands.json, or a kernel config for a scratch build folder. */
  readonly compileCommands?: string
  readonly kconfig?: string
}

/** The proof options a series shares with a single proof (the function, its claims and inputs come from each patch). */
const SINGLE_ONLY = ['func', 'intended', 'assume', 'nullable', 'buffer', 'spec', 'format'] as const
const shared = Object.fromEntries(Object.entries(proofOptions).filter(([k]) => !(SINGLE_ONLY as readonly string[]).includes(k))) as Omit<typeof proofOptions, (typeof SINGLE_ONLY)[number]>
const { spec } = proofOptions

/** Exactly one input: a manifest, a git range, or a tree with a patch directory. */
export function checkSeriesInput(argv: Readonly<Record<string, unknown>>): true {
  const modes = [argv.manifest !== undefined && 'MANIFEST', (argv.git !== undefined || argv.range !== undefined) && '--git/--range', (argv.tree !== undefined || argv.patches !== undefined) && '--tree/--patches'].filter(Boolean)
  if (modes.length === 0) throw new UsageError('no series given', { hint: 'pass a MANIFEST, or --git REPO --range BASE..TIP, or --tree DIR --patches DIR' })
  if (modes.length > 1) throw new UsageError(`give one series input, not ${modes.join(' and ')}`, { hint: 'pass a MANIFEST, or --git REPO --range BASE..TIP, or --tree DIR --patches DIR' })
  if ((argv.git === undefined) !== (argv.range === undefined)) throw new UsageError('--git and --range go together', { hint: 'e.g. --git ~/linux --range v6.6..klp-fixes' })
  if ((argv.tree === undefined) !== (argv.patches === undefined)) throw new UsageError('--tree and --patches go together', { hint: 'e.g. --tree linux-6.6 --patches patches/ (a quilt series file or git format-patch files)' })
  return true
}

export function seriesCommand(ctx: CliContext): CommandModule<object, SeriesArgs> {
  return {
    command: 'series [manifest]',
    describe: 'prove every function a series of patches changed (a manifest, a git range, or a patch directory)',
    builder: (y: Argv) =>
      y
        .positional('manifest', { type: 'string', describe: 'a series manifest (YAML): defaults + entries of old, new, functions, spec' })
        .options({
          ...shared,
          spec: { type: 'string', array: true, nargs: 1, describe: `${spec.describe.replace(/ \(.*/, '')} for every patch: one YAML document per function (\`function:\`), used where a patch brings none (repeatable)` },
          git: { type: 'string', nargs: 1, describe: 'a git repository: each commit of --range is one patch (read from git objects, the work tree is not touched)' },
          range: { type: 'string', nargs: 1, describe: 'BASE..TIP, the commits to prove (with --git)' },
          tree: { type: 'string', nargs: 1, describe: 'a source tree the --patches apply to (only read, never modified)' },
          jobs: { ...shared.jobs, describe: 'proofs in parallel, each running one cbmc process at a time [default: number of cores]' },
          patches: { type: 'string', nargs: 1, describe: 'a directory of patches: a quilt series file, or git format-patch files in name order' },
          'keep-harness': { type: 'string', nargs: 1, describe: 'keep every proof\'s harnesses and cbmc commands in DIR (one folder per proof)' },
          cache: { type: 'boolean', default: true, describe: 'reuse results of identical proofs (same harness, cbmc, options); --no-cache re-runs all' },
          'cache-dir': { type: 'string', nargs: 1, describe: 'where results are cached [default: $KLP_CACHE_DIR, $XDG_CACHE_HOME/klp-verify or ~/.cache/klp-verify]' },
          baseline: { type: 'string', nargs: 1, describe: 'a previous JSON report: show what changed since (new unintended differences, fixed ones, moved verdicts) first' },
          format: { type: 'string', choices: SERIES_FORMATS, default: 'text', nargs: 1, describe: 'report format (html: a static, filterable page; needs --output)' },
          list: { type: 'boolean', describe: 'print the planned proofs (id, function, patch, shard, expected cost) without running them; with --format json for CI' },
          'plan-only': { type: 'boolean', describe: 'stop after planning: per patch and changed file, the functions that changed and the proofs planned for them (nothing is proved); exit 3 when a changed file could not be planned' },
          shard: { type: 'string', nargs: 1, describe: 'I/N: run only shard I of N (the same split on every machine, balanced by --durations); merge the reports with klp-verify merge [default: GitLab CI_NODE_INDEX/CI_NODE_TOTAL]' },
          shards: { type: 'number', nargs: 1, describe: 'number of shards of a Kubernetes Indexed Job (its completions); JOB_COMPLETION_INDEX says which one this is' },
          durations: { type: 'string', nargs: 1, describe: 'a previous JSON report (series or merge): the proofs\' times balance the shards (longest first) [default: unknown costs, spread round-robin]' },
        })
        .options(buildContextOptions)
        // --spec repeats here (one file per patch set); the other single-proof options stay single
        .check(argv => checkSingleValued({ ...argv, spec: undefined }))
        .check(checkSeriesInput)
        .example('$0 series nightly.yaml --format json --output report.json', 'a manifest')
        .example('$0 series --git ~/linux --range v6.6..klp-fixes -I include', 'every commit of a git range')
        .example('$0 series --tree linux-6.6 --patches patches/ --format html -o report.html', 'a quilt patch directory')
        .example('$0 series nightly.yaml --shard 2/4 --durations last.json --format json -o shard-2.json', 'the second of four CI jobs (then: klp-verify merge shard-*.json)') as unknown as Argv<SeriesArgs>,
    handler: async (argv: ArgumentsCamelCase<SeriesArgs>) => {
      const { runSeriesCommand } = await import('../run-series.js')
      await runSeriesCommand(argv, ctx)
    },
  }
}
