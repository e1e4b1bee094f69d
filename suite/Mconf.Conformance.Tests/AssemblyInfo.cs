// Every test brings its own target (port 0) and shares no state: fixtures run side by side, and more at once than
// there are cores because the integration tests mostly wait on their targets (timeouts, slow lists, polls).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
