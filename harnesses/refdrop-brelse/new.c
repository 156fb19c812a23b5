#include "../include/kern.h"

struct buffer_head { unsigned long b_state; size_t b_size; };
struct inode { unsigned long i_ino; };

struct buffer_head *dir_read_block(struct inode *dir, unsigned long blk);	/* in another file */
void __brelse(struct buffer_head *bh);
void iput(struct inode *inode);

/* Read a directory block and check it; on a bad block the directory's reference is dropped. */
int dir_check_block(struct inode *dir, unsigned long blk)
{
	struct buffer_head *bh = dir_read_block(dir, blk);

	if (!bh)
		return -EIO;
	if (bh->b_size < 16 || (bh->b_state & 1) == 0) {
		__brelse(bh);
		iput(dir);
		return -EINVAL;
	}
	__brelse(bh);
	return 0;
}
