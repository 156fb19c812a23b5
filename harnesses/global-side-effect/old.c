#include "../include/kern.h"

struct dev_stats {
	unsigned long rx_errors;
	unsigned long rx_packets;
};

struct dev_stats stats;
int last_err;

/* Validate a frame header; count errors for ethtool. */
int rx_frame(const u8 *hdr, size_t len)
{
	if (len < 4) {
		stats.rx_errors++;
		last_err = -EINVAL;
		return -EINVAL;
	}
	if (hdr[0] != 0xAA) {
		stats.rx_errors++;
		last_err = -EIO;
		return -EIO;
	}
	stats.rx_packets++;
	return hdr[1];
}
