/*
 * After the Numerical Recipes elle() in EqBench: `(SQR(s*ak))*rd(...)` reads like a cast of
 * `*rd(...)` to a type named SQR, but SQR is a function of this file, called.
 */
int SQR(int a)
{
	return a * a;
}

int rd(int x, int y)
{
	return x - y;
}

int elle(int s, int ak)
{
	int rd(int x, int y);

	s &= 15;
	ak &= 15;
	return (SQR(s*ak))*rd(s, ak)/3;
}
