import t from 'tap'
import { containerAlloc, containerLvalue } from '../../src/harness/containers.js'

t.test('the whole container back from a pointer to its member, and a fresh one', async t => {
  t.equal(containerLvalue('old_fsn', 'struct inotify_event_info', 'fse'),
    '(*(struct inotify_event_info *)((char *)(old_fsn) - __builtin_offsetof(struct inotify_event_info, fse)))')
  t.equal(containerAlloc('item_t', 's.node'), '((char *)__CPROVER_allocate(sizeof(item_t), 0) + __builtin_offsetof(item_t, s.node))')
})
