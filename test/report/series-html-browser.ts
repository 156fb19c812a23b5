/**
 * The series HTML page in a real headless browser (Debian's chromium driven by playwright-core; never
 * a downloaded browser): what a person sees, the filters, the proof links, no console errors.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { chromium, type Browser } from 'playwright-core'
import { renderSeriesHtml } from '../../src/report/series-html.js'
import { seriesReport, seriesWithBaseline } from '../fixtures/series-report.js'

const executablePath = [process.env.KLP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
)

t.test('the series page in chromium', { skip: executablePath ? false : 'chromium not installed: apt-get install chromium' }, async t => {
  const dir = mkdtempSync(join(tmpdir(), 'klp-series-html-'))
  const file = join(dir, 'series.html')
  writeFileSync(file, renderSeriesHtml(seriesWithBaseline))
  let browser: Browser | undefined
  t.teardown(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: 15_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  const page = await browser.newPage()
  page.setDefaultTimeout(5_000)
  const problems: string[] = []
  page.on('console', m => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)))
  page.on('pageerror', e => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', r => problems.push(`request failed: ${r.url()}`))
  await page.goto(pathToFileURL(file).href)

  const total = seriesReport.proofs.length
  const rows = page.locator('tr.proof')
  const visible = page.locator('tr.proof:visible')
  const counter = page.locator('#counter')
  const box = (v: string) => page.locator(`input.verdict-filter[value="${v}"]`)
  const text = page.locator('#filter-text')
  const groupHead = (title: string) => page.locator('#matrix tr.group-head', { hasText: title })
  const byVerdict = (v: string) => seriesReport.proofs.filter(p => p.verdict === v).length

  await t.test('overall result, baseline and every proof row visible', async t => {
    t.equal(await page.locator('#overall').innerText(), 'ERROR')
    t.ok(await page.locator('#overall').isVisible())
    t.ok(await page.getByText('NEW unintended:').isVisible(), 'since the baseline')
    t.ok(await page.getByText('patch does not apply:').isVisible(), 'the not-applied patch error')
    t.equal(await rows.count(), total)
    t.equal(await visible.count(), total)
    t.equal(await counter.innerText(), `showing ${total} of ${total}`)
  })

  await t.test('unchecking a verdict hides its rows, checking it shows them again', async t => {
    const eq = byVerdict('equivalent')
    t.ok(eq > 0)
    await box('equivalent').uncheck()
    t.equal(await visible.count(), total - eq)
    t.equal(await counter.innerText(), `showing ${total - eq} of ${total}`)
    t.equal(await page.locator('tr.proof[data-verdict="equivalent"]:visible').count(), 0)
    await box('unintended').uncheck()
    t.equal(await visible.count(), total - eq - byVerdict('unintended'))
    await box('equivalent').check()
    await box('unintended').check()
    t.equal(await visible.count(), total)
    t.equal(await counter.innerText(), `showing ${total} of ${total}`)
  })

  await t.test('typing in the text filter narrows the rows, by function or patch', async t => {
    await text.fill('msg_send')
    t.equal(await visible.count(), seriesReport.proofs.filter(p => p.function === 'msg_send').length)
    t.equal(await page.locator('tr.proof:visible a').first().innerText(), 'msg_send()')
    await text.fill('CRC32')
    t.equal(await visible.count(), seriesReport.proofs.filter(p => p.patch === seriesReport.patches[1]!.id).length, 'by patch title')
    t.ok(await groupHead('patch 2: net/msg: add a <crc32> checksum & count errors').isVisible(), 'its group stays')
    t.notOk(await groupHead('patch 4: net/msg: tighten the bounds check').isVisible(), 'other groups hide')
    await text.fill('no such function')
    t.equal(await visible.count(), 0)
    t.equal(await counter.innerText(), `showing 0 of ${total}`)
    await text.fill('')
    t.equal(await visible.count(), total)
  })

  await t.test('a proof link leads to its detail: counterexample inputs and old vs new', async t => {
    await text.fill('')
    const n = seriesReport.proofs.findIndex(p => p.verdict === 'unintended')
    await page.locator(`tr.proof a[href="#proof-${n}"]`).click()
    await page.waitForURL(`**#proof-${n}`)
    const detail = page.locator(`#proof-${n}`)
    t.ok(await detail.isVisible())
    t.ok(await detail.locator('h3').isVisible())
    t.ok(await detail.evaluate(e => {
      const r = e.getBoundingClientRect()
      return r.top >= -1 && r.top < window.innerHeight
    }), 'scrolled into view')
    const diff = detail.locator('.diff').first()
    t.match(await diff.locator('h5').first().innerText(), /difference 1: return\s+unintended/)
    const inputs = diff.locator('table.inputs')
    t.ok(await inputs.isVisible())
    t.match(await inputs.innerText(), /len\s+8/)
    const values = diff.locator('table.values')
    t.same(await values.locator('thead th').allInnerTexts(), ['what', 'old', 'new'])
    t.same(await values.locator('tbody tr').first().locator('td').allInnerTexts(), ['return', '0', '-22 (-EINVAL)'])
    t.ok(await detail.getByText('m->len < MSG_PAYLOAD').isVisible(), 'escaped C shows as written')
  })

  t.same(problems, [], 'no console errors, page errors or failed requests')
})
