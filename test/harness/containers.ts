import t from 'tap'
import { containerAlloc, containerLvalue, containerTailCopy, containerTailEnd } from '../../src/harness/containers.js'

t.test('the whole container back from a pointer to its member, and a fresh one', async t => {
  t.equal(containerLvalue('old_fsn', 'struct inotify_event_info', 'fse'),
    '(*(struct inotify_event_info *)((char *)(old_fsn) - __builtin_offsetof(struct inotify_event_info, fse)))')
  t.equal(containerAlloc('item_t', 's.node'), '((char *)__CPROVER_allocate(sizeof(item_t), 0) + __builtin_offsetof(item_t, s.node))')
})

t.test('a flexible array member: a longer object, and new\'s tail is old\'s', async t => {
  t.equal(containerAlloc('struct x', 'm', 32), '((char *)__CPROVER_allocate(sizeof(struct x) + 32, 0) + __builtin_offsetof(struct x, m))')
  t.equal(containerTailCopy('p', 'klp_new_p', 'struct x', 'm', 0), null)
  t.equal(containerTailEnd('p', 'struct x', 'm', 32, true), '((char *)&(*(struct x *)((char *)(p) - __builtin_offsetof(struct x, m))) + sizeof(struct x))[31] = 0;')
  t.equal(containerTailEnd('p', 'struct x', 'm', 32, false), null, 'not a char tail')
  t.equal(containerTailEnd('p', 'struct x', 'm', 0, true), null, 'no tail')
  t.equal(containerTailCopy('p', 'klp_new_p', 'struct x', 'm', 32),
    'memcpy((void *)((char *)&(*(struct x *)((char *)(klp_new_p) - __builtin_offsetof(struct x, m))) + sizeof(struct x)), ' +
    '(const void *)((char *)&(*(struct x *)((char *)(p) - __builtin_offsetof(struct x, m))) + sizeof(struct x)), 32);')
})
