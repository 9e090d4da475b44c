namespace Corpus.Ingest.Dedup;

/// <summary>
/// What <see cref="DuplicateFinder"/> found in the last run, kept so that the next run compares again only the texts a
/// change can affect: the counts behind the boilerplate samples, each text's specific samples, the anchor postings and
/// the pairs judged alike. Texts are identified across runs by their file and part and the very sketch they had (the
/// processing cache hands the same sketch back for an unchanged file), under ids that stay while the text stays.
/// </summary>
/// <remarks>A run that fails leaves the state empty: the next one starts afresh, never from half an update.</remarks>
/// <param name="forNextRun">Whether a later run will start from this state. When not (a process that groups once), what
/// only a later run needs (the sample counts, the band entries) is not kept even during the run, and each run starts
/// afresh: at a million texts they are a gigabyte.</param>
internal sealed class GroupingState(bool forNextRun = true)
{
    public bool ForNextRun { get; } = forNextRun;

    /// <summary>Each text id's sketch (null: a free id).</summary>
    public List<ShingleSketch?> Sketches { get; } = [];

    /// <summary>Each text id's samples without the boilerplate ones.</summary>
    public List<uint[]?> Specific { get; } = [];

    /// <summary>Ids free to give out again.</summary>
    public Stack<int> Free { get; } = new();

    /// <summary>The id of every text of the last run, by file and part.</summary>
    public Dictionary<(string File, int Part), int> Ids { get; set; } = [];

    /// <summary>Texts holding each content hash: a sample counts once per distinct content.</summary>
    public Dictionary<ulong, int> Contents { get; } = [];

    /// <summary>Every distinct content's samples, sorted (a multiset): how many contents hold each sample.</summary>
    public uint[] Samples { get; set; } = [];

    public HashSet<uint> Boilerplate { get; } = [];

    /// <summary>Every (anchor, text id) as 32 bits of anchor over 24 bits of id, sorted; in a state no later run starts
    /// from, only the anchors that two to a few texts hold (the only ones a pair is judged by).</summary>
    public ulong[] Postings { get; set; } = [];

    /// <summary>Pairs of text ids judged alike (the lower index of the run first), with their verdicts (other holders as ids).</summary>
    public Dictionary<(int A, int B), DuplicateFinder.Verdict> Verdicts { get; set; } = [];

    /// <summary>Per LSH band, every (band key, text id) as 40 bits of key over 24 bits of id, sorted.</summary>
    public ulong[][] Bands { get; set; } = [];

    /// <summary>Per LSH band, the pairs of text ids each bucket (by band key) judged near duplicates.</summary>
    public Dictionary<ulong, (int A, int B)[]>[] BandPairs { get; set; } = [];

    public bool Empty => Ids.Count == 0;

    public void Reset()
    {
        Sketches.Clear();
        Specific.Clear();
        Free.Clear();
        Ids = [];
        Contents.Clear();
        Samples = [];
        Boilerplate.Clear();
        Postings = [];
        Verdicts = [];
        Bands = [];
        BandPairs = [];
    }
}
