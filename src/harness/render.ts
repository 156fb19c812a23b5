/** Render a harness from templates/harness.c.hbs (private Handlebars instance, strict, no escaping). */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Handlebars from 'handlebars'
import type { FunctionPair } from '../extract/types.js'
import { ENTRY } from '../model/names.js'
import type { ExternalsPlan } from './externals.js'
import { planHarness } from './plan.js'
import type { HarnessMode, PlannedProof } from '../model/types.js'
import type { Harness } from './types.js'

const hbs = Handlebars.create()
let compiled: HandlebarsTemplateDelegate | undefined

/** The templates folder ships with the package (top level, next to dist/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Native replay: a nondeterministic declaration gets KLP_NONDET(x) on the same line (trace lines still match). */
hbs.registerHelper('nd', function (this: unknown, ...args: unknown[]) {
  const options = args.pop() as Handlebars.HelperOptions
  return (options.data as { root: { native: boolean } }).root.native ? ` KLP_NONDET(${args.join('')});` : ''
})

/** Partials (templates/partials/<name>.c.hbs): object construction, comparison blocks, stubs. */
function registerPartials(): void {
  const dir = `${TEMPLATES_DIR}partials/`
  for (const f of readdirSync(dir).filter(n => n.endsWith('.c.hbs')).sort()) {
    hbs.registerPartial(f.slice(0, -'.c.hbs'.length), hbs.compile(readFileSync(`${dir}${f}`, 'utf8'), { noEscape: true, strict: true }))
  }
}

function template(): HandlebarsTemplateDelegate {
  if (!compiled) {
    registerPartials()
    compiled = hbs.compile(readFileSync(`${TEMPLATES_DIR}harness.c.hbs`, 'utf8'), { noEscape: true, strict: true })
  }
  return compiled
}

/** The world alone (tests prove stubs with cbmc without a harness): its shared state, then the stubs. */
export function renderWorld(plan: ExternalsPlan): { readonly runtime: string; readonly stubs: string } {
  template()
  const part = (name: string) => hbs.partials[name] as HandlebarsTemplateDelegate
  return {
    runtime: plan.runtime ? part('world-runtime')(plan.runtime, { data: { root: plan } }) : '',
    stubs: part('world-stubs')(plan, { data: { root: plan } }),
  }
}

export function modeLabel(mode: HarnessMode, claims?: readonly { readonly id: string }[]): string {
  switch (mode.kind) {
    case 'equiv':
      return 'equivalence outside every claim'
    case 'claim':
      return `inside claim ${claims?.[mode.claim]?.id ?? mode.claim}`
    case 'safety': {
      const r = mode.restrict
      const where = r === 'all' ? 'all inputs' : r === 'outside-safety-claims' ? 'inputs outside claims that allow safety differences' : `inside claim ${claims?.[r.claim]?.id ?? r.claim}`
      return `memory safety of the ${mode.version} version, ${where}`
    }
  }
}

export function modeName(mode: HarnessMode): string {
  switch (mode.kind) {
    case 'equiv':
      return 'equiv'
    case 'claim':
      return `claim-${mode.claim}`
    case 'safety':
      return `safety-${mode.version}${mode.restrict === 'all' ? '' : mode.restrict === 'outside-safety-claims' ? '-outside' : `-claim-${mode.restrict.claim}`}`
  }
}

/** Print one mode of a planned proof as C (the pair gives the two versions' program text). */
export function renderHarness(pair: FunctionPair, planned: PlannedProof, mode: HarnessMode, { native = false }: { readonly native?: boolean } = {}): Harness {
  const plan = planHarness({ pair, planned, mode, native })
  const harnessText = template()({
    func: pair.func,
    modeLabel: modeLabel(mode, planned.claims),
    entry: ENTRY,
    native,
    ...plan,
  })
  return {
    mode,
    files: [
      { name: 'klp_old.i', text: `${pair.old.text}\n${harnessText}` },
      { name: 'klp_new.i', text: pair.new.text },
    ],
    entry: ENTRY,
    unwindset: plan.unwindset,
    observables: plan.observables,
    inputs: plan.inputInfos,
    checks: mode.kind === 'safety' ? 'all' : 'none',
    bounds: plan.bounds,
    planted: plan.planted,
    entryAssumptions: plan.entryAssumptions,
  }
}
