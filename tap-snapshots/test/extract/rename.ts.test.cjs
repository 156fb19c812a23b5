/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/extract/rename.ts > TAP > snapshot: renaming a small driver > globals 1`] = `
count → extern int klp_old_count; (drv.c:2)
max_count → extern const int klp_old_max_count; (drv.c:3)
debug → extern int klp_old_debug; (drv.c:4)
dev_add::calls → extern int klp_old_dev_add__calls; (static in dev_add())
`

exports[`test/extract/rename.ts > TAP > snapshot: renaming a small driver > renamed text 1`] = `
# 1 "drv.c"
struct dev { int count; int flags; struct dev *next; };
 int klp_old_count;
 const int klp_old_max_count = 8;
int klp_old_debug;
static int klp_old_dev_check(struct dev *d);

static int klp_old_dev_check(struct dev *d)
{
  return d->count < klp_old_max_count;
}

int klp_old_dev_add__calls; int klp_old_dev_add(struct dev *d, int flags)
{
                   
  int debug = flags & 1;

  klp_old_dev_add__calls++;
  if (!klp_old_dev_check(d))
    goto fail;
  for (struct dev *it = d; it; it = it->next)
    it->count++;
  klp_old_count++;
  if (debug)
    printf("count=%d calls=%d\\n", klp_old_count, klp_old_dev_add__calls);
  return 0;
fail:
  return -1;
}
`
