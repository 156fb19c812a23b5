/** The report stage: `ProofReport` → string. Pure; the caller writes the output. */
import { renderJson } from './json.js'
import { renderJunit } from './junit.js'
import { renderMarkdown } from './markdown.js'
import { renderText, type TextOptions } from './text.js'
import type { ProofReport, Reporter } from './types.js'

export type ReportFormat = Reporter['format']
export type RenderOptions = TextOptions

export const reporters: Readonly<Record<ReportFormat, Reporter>> = {
  text: { format: 'text', render: r => renderText(r) },
  json: { format: 'json', render: renderJson },
  junit: { format: 'junit', render: renderJunit },
  markdown: { format: 'markdown', render: renderMarkdown },
}

/** Render in `format`; `opts.color` only affects `text` (the other formats never contain ANSI codes). */
export function renderReport(format: ReportFormat, r: ProofReport, opts: RenderOptions = {}): string {
  return format === 'text' ? renderText(r, opts) : reporters[format].render(r)
}

export type * from './types.js'
export { SCHEMA_VERSION } from './types.js'
export { summarize, type ReportSummary, type Outcome, type RunStatus } from './summary.js'
export { renderText, type TextOptions } from './text.js'
export { renderJson } from './json.js'
export { renderJunit } from './junit.js'
export { renderMarkdown } from './markdown.js'
