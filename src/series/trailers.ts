/**
 * Commit-message trailers that carry claims and assumptions for a patch:
 *
 *     Klp-Intended: parse_opts: len > 17 => ret == -22
 *     Klp-Assume: parse_opts: len <= 64
 *
 * Pure: the caller passes the message (never the diff). Any line of the message that starts with
 * the key (case-insensitive, leading blanks allowed) counts, wherever it is.
 */
import { ConfigError } from '../errors.js'

const VALUE = /^([A-Za-z_]\w*)\s*:(.*)$/

/** `Klp-Intended: FUNCTION: WHEN [=> THEN]` → function → claim texts, in message order. */
export function parseTrailerClaims(message: string): Record<string, string[]> {
  return parseTrailers(message, 'Klp-Intended', 'WHEN => THEN')
}

/** `Klp-Assume: FUNCTION: EXPR` → function → assumption texts, in message order. */
export function parseTrailerAssumes(message: string): Record<string, string[]> {
  return parseTrailers(message, 'Klp-Assume', 'EXPR')
}

function parseTrailers(message: string, key: string, shape: string): Record<string, string[]> {
  const byFunction = new Map<string, string[]>()
  const prefix = key.toLowerCase()
  for (const raw of message.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line.toLowerCase().startsWith(prefix)) continue
    const rest = line.slice(prefix.length)
    const colon = /^\s*:/.exec(rest)
    if (!colon) continue // another key that merely starts the same (Klp-Intended-By: …)
    const m = VALUE.exec(rest.slice(colon[0].length).trim())
    const text = m?.[2]?.trim()
    if (!m || !text) {
      throw new ConfigError(`malformed ${key} trailer: "${line}"`, {
        hint: `write it as "${key}: FUNCTION: ${shape}", e.g. "${key}: parse_opts: ${key === 'Klp-Assume' ? 'len <= 64' : 'len > 17 => ret == -22'}"`,
      })
    }
    const list = byFunction.get(m[1]) ?? []
    list.push(text)
    byFunction.set(m[1], list)
  }
  // fromEntries defines own properties, so a function named __proto__ stays a plain key.
  return Object.fromEntries(byFunction)
}
