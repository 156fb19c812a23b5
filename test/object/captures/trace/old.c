/* Built with -O2 -pg -mfentry: every function gets an ftrace entry except a notrace one. */
__attribute__((no_instrument_function)) int quiet(int x) { return x + 1; }
int loud(int x) { return x * 3; }
