using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>
/// What <see cref="LayoutInterleaves"/> made of each set of linked files in the last run, keyed by the files and the very
/// documents it was given: the outcome is a function of those alone, and documents of unchanged groups come back as the
/// same objects (<see cref="MergedGroups"/>), so a re-ingest compares again only files whose documents changed. Kept in
/// memory beside the processing cache.
/// </summary>
internal sealed class InterleaveMemo
{
    private Dictionary<string, Outcome> last = new(StringComparer.Ordinal);

    /// <summary>The last run's outcome for exactly these files holding exactly these documents, or null.</summary>
    public Outcome? Find(string[] files, CleanDocument[][] inputs)
    {
        if (!last.TryGetValue(files[0], out var outcome) || !outcome.Files.SequenceEqual(files, StringComparer.Ordinal)
            || outcome.Inputs.Length != inputs.Length)
        {
            return null;
        }
        for (var f = 0; f < inputs.Length; f++)
        {
            if (outcome.Inputs[f].Length != inputs[f].Length || !outcome.Inputs[f].Zip(inputs[f]).All(p => ReferenceEquals(p.First, p.Second)))
            {
                return null;
            }
        }
        return outcome;
    }

    /// <summary>Makes this run's outcomes (by first file) the ones to reuse.</summary>
    public void Replace(Dictionary<string, Outcome> outcomes) => last = outcomes;

    /// <param name="Files">The linked files, in file order.</param>
    /// <param name="Inputs">Each file's documents as given, in document order.</param>
    /// <param name="Outputs">The files' distinct documents afterwards, in the order of their first appearance.</param>
    /// <param name="Moves">Each file's moves.</param>
    public sealed record Outcome(string[] Files, CleanDocument[][] Inputs, CleanDocument[] Outputs, List<MovedBlock>[] Moves);
}
