// Every fixture brings its own fake server (port 0) and its own temporary reports folder: fixtures run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]

// The end-to-end tests mostly wait (polls, timeouts), so more run at once than there are cores.
[assembly: LevelOfParallelism(4)]
