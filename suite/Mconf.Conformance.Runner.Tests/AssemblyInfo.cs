// Every fixture brings its own fake server (port 0) and its own temporary reports folder: fixtures run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
