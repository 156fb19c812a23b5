/**
 * The object step's source index shares the proof's gcc -E (real gcc): with the proof's memo, the
 * index of which functions changed finds both files already preprocessed, with the key the proof's
 * extraction used (verify.ts prepareProof: its flags and exprList(req)).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { extractFunctionPair } from '../../src/extract/extract.js'
import type { Preprocessed } from '../../src/extract/read.js'
import { exprList } from '../../src/model/build.js'
import { changedFunctions } from '../../src/pipeline/livepatch.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'

t.test('changedFunctions with the proof\'s memo runs no second gcc -E', async t => {
  const dir = t.testdir({})
  const src = (body: string) => `#define LIMIT 8\nstatic int clampv(int x) { return x > LIMIT ? LIMIT : x; }\nint scale(int x) { ${body} }\n`
  writeFileSync(path.join(dir, 'old.c'), src('return clampv(x) * 2;'))
  writeFileSync(path.join(dir, 'new.c'), src('if (x < 0) return -22; return clampv(x) * 2;'))
  const req = {
    oldPath: path.join(dir, 'old.c'), newPath: path.join(dir, 'new.c'), func: 'scale', cflags: ['-O2'], includes: [], defines: [], timeoutSec: 300,
    claims: [{ id: 'neg', when: 'x < 0', then: 'ret == -22' }], assumes: ['x < LIMIT * 100'], nullable: [], buffers: {}, held: [],
  } as unknown as VerifyRequest
  const memo = new Map<string, Promise<Preprocessed>>()
  const pair = await extractFunctionPair({ oldPath: req.oldPath, newPath: req.newPath, func: 'scale', includes: [], defines: [], cflags: req.cflags, exprs: exprList(req), memo })
  t.match(pair.old.text, /int klp_old_scale\(int x\)/, 'the proof extracted the function')
  t.equal(memo.size, 2, 'the proof preprocessed old and new')
  t.same([...await changedFunctions(req, undefined, memo)], ['scale'])
  t.equal(memo.size, 2, 'the index found both in the memo: no second gcc -E')
  t.same([...await changedFunctions(req)], ['scale'], 'without a memo: the same answer, its own gcc -E')
  t.equal(memo.size, 2)
})
