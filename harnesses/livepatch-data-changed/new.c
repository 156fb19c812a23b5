/* How often a request is retried: the patch raises the default. */
int max_retries = 5;

int should_retry(int attempt)
{
	return attempt < max_retries;
}
