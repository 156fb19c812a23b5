/* How often a request is retried: a writable global with an initializer. */
int max_retries = 3;

int should_retry(int attempt)
{
	return attempt < max_retries;
}
