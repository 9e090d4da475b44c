using Corpus.Bench.Queries;

namespace Corpus.Cli.Commands.Bench;

internal sealed record QueryBenchReport(
    int Documents, int Runs, IReadOnlyList<BenchmarkMode> Modes, double PeakWorkingSetMb, double ManagedHeapMb);
