using Corpus.Bench.Evaluation;

namespace Corpus.Cli.Commands.Bench;

internal sealed record IngestBenchReport(
    int Runs, double IngestMbPerSecond, double IndexMbPerSecond, double IndexSizeMb, double PeakWorkingSetMb, TruthEvaluation? Accuracy);
