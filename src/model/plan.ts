/**
 * The proof model planned down to its nodes: the input objects behind each pointer (model/inputs.ts)
 * and the observables compared after both runs (model/observables.ts), with their ids, variables
 * and loops. Pure; what the emitter prints for every mode of the proof.
 */
import type { FunctionPair } from '../extract/types.js'
import { planInputs } from './inputs.js'
import { planObservables } from './observables.js'
import type { ExternalStub, PlannedProof, ProofModel } from './types.js'

/** Stubs by what they stand behind (a parameter, `struct tag.member`, `global g`): the first one found. */
export function callbackStubs(stubs: readonly ExternalStub[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of stubs) {
    if (s.fn.callbackOf !== undefined && !Object.hasOwn(out, s.fn.callbackOf)) out[s.fn.callbackOf] = s.fn.name
  }
  return out
}

export function planProof(pair: FunctionPair, m: ProofModel): PlannedProof {
  const inputs = planInputs(pair, {
    buffers: Object.fromEntries(m.inputs.buffers.map(b => [b.param, b.c])),
    nullable: m.inputs.nullable,
    maxSize: m.inputs.maxSize,
    initGlobals: m.inputs.initGlobals,
    pointerDepth: m.inputs.pointerDepth,
    callbacks: callbackStubs(m.world.stubs),
  })
  return { ...m, nodes: { inputs, observables: planObservables(pair, inputs, m.world.stubs) } }
}
