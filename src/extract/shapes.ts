/**
 * The spec's `shapes:` (parameter → `linear`, or `{netdev_priv: TYPE}`) checked against the code (the
 * old version's types: the live patch runs in them), and what the code defines for network shapes
 * (model/skb.ts). A shape that does not fit the parameter is a ConfigError, never a silent default.
 */
import { ConfigError } from '../errors.js'
import { SKB_SHARED_INFO, SKB_SHARED_ZERO, pointeeSkb, type ShapeSpec } from '../model/skb.js'
import { containerTypes } from './containers.js'
import type { FunctionSignature, NetShapes, PrivShape } from './types.js'
import type { Unit } from './unit.js'

const LINEAR_FIELDS = 'head, data, len, data_len, tail and end'

function privShape(unit: Unit, sig: FunctionSignature, param: string, type: string, what: string): PrivShape {
  const p = sig.params.find(x => x.name === param)!
  const dev = p.type.kind === 'pointer' ? p.type.to : undefined
  if (dev?.kind !== 'record' || dev.union) {
    throw new ConfigError(`${what}: parameter ${param} is not a pointer to a struct (${p.type.text})`, { hint: 'netdev_priv: names the private type behind a struct net_device parameter' })
  }
  const name = type.trim().replace(/\s+/g, ' ')
  const ctype = containerTypes(unit, [name])[name]
  if (!ctype) throw new ConfigError(`${what}: the code of ${sig.name}() defines no struct or union ${name}`, { hint: "write the private type as the code names it: 'struct name' or 'typedef_name'" })
  const last = dev.fields[dev.fields.length - 1]
  const flexible = last?.type.kind === 'array' && last.type.length === null && /\[\s*\]$/.test(last.type.text) ? last.name : undefined
  return { param, type: name, ctype, ...(flexible ? { flexible } : {}) }
}

/**
 * The network shapes of a pair: the spec's, each checked (the parameter exists; `linear` names a
 * struct sk_buff pointer with head, data, len, data_len, tail and end; `netdev_priv` a struct pointer
 * and a type the code defines), and whether the code defines struct skb_shared_info. Undefined: none.
 */
export function resolveShapes(unit: Unit, sig: FunctionSignature, spec: Readonly<Record<string, ShapeSpec>>): NetShapes | undefined {
  const linear: string[] = []
  const privs: PrivShape[] = []
  for (const [param, shape] of Object.entries(spec)) {
    const what = `shapes: ${param}`
    const p = sig.params.find(x => x.name === param)
    if (!p) throw new ConfigError(`${what}: ${sig.name}() has no parameter ${param}`, { hint: `parameters: ${sig.params.map(x => x.name).join(', ') || 'none'}` })
    if (shape === 'linear') {
      if (!pointeeSkb(p.type)) {
        throw new ConfigError(`${what}: linear: parameter ${param} is not a struct sk_buff pointer with ${LINEAR_FIELDS} (${p.type.text})`, { hint: 'linear is the shape of a packet: a struct sk_buff * parameter' })
      }
      linear.push(param)
    } else privs.push(privShape(unit, sig, param, shape.netdev_priv, `${what}: netdev_priv`))
  }
  const info = containerTypes(unit, [SKB_SHARED_INFO])[SKB_SHARED_INFO]
  const skbShared = info?.kind === 'record' ? SKB_SHARED_ZERO.filter(n => info.fields.some(f => f.name === n && !f.bitfield)) : null
  if (!linear.length && !privs.length && !skbShared) return undefined
  return { linear: linear.sort(), privs: privs.sort((a, b) => a.param.localeCompare(b.param, 'en')), skbShared }
}
