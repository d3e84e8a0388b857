// Tests start real processes, git repositories and TUI instances; running test classes one at a
// time keeps their timing honest on a two-core machine.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
