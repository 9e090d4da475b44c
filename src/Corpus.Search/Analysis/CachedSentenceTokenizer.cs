using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Analysis;

/// <summary>
/// SmartCn's tokenizer with its sentences' segmentation taken from a <see cref="SentenceCache"/> where it holds them:
/// SmartCn still cuts the text into sentences, and a sentence it has not seen is segmented by SmartCn and remembered,
/// so the tokens are SmartCn's own either way. Offsets are the text's own: it takes no char filter.
/// </summary>
internal sealed class CachedSentenceTokenizer : HMMChineseTokenizer
{
    private readonly SentenceCache cache;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offsets;
    private readonly ITypeAttribute type;
    private readonly List<int> spans = [];
    private readonly List<string?> terms = [];
    private SentenceWords? found;
    private string? sentence;
    private int sentenceStart;
    private int next;

    public CachedSentenceTokenizer(TextReader reader, SentenceCache cache)
        : base(reader)
    {
        this.cache = cache;
        term = AddAttribute<ICharTermAttribute>();
        offsets = AddAttribute<IOffsetAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    protected override void SetNextSentence(int sentenceStart, int sentenceEnd)
    {
        sentence = new string(m_buffer, sentenceStart, sentenceEnd - sentenceStart);
        this.sentenceStart = m_offset + sentenceStart;
        next = 0;
        if (!cache.TryGet(sentence, out found))
        {
            spans.Clear();
            terms.Clear();
            base.SetNextSentence(sentenceStart, sentenceEnd);
        }
    }

    protected override bool IncrementWord()
    {
        if (found is not null)
        {
            return Replay(found);
        }
        if (!base.IncrementWord())
        {
            if (sentence is not null)
            {
                cache.Add(sentence, new SentenceWords([.. spans], terms.Any(t => t is not null) ? [.. terms] : null));
                sentence = null;
            }
            return false;
        }
        var (start, end) = (offsets.StartOffset - sentenceStart, offsets.EndOffset - sentenceStart);
        spans.Add(start);
        spans.Add(end);
        terms.Add(sentence is not null && sentence.AsSpan(start, end - start).SequenceEqual(term.Buffer.AsSpan(0, term.Length)) ? null : term.ToString());
        return true;
    }

    private bool Replay(SentenceWords words)
    {
        if (next * 2 >= words.Spans.Length)
        {
            return false;
        }
        ClearAttributes();
        var (start, end) = (words.Spans[next * 2], words.Spans[(next * 2) + 1]);
        if (words.Terms?[next] is { } spelled)
        {
            term.SetEmpty().Append(spelled);
        }
        else
        {
            sentence!.CopyTo(start, term.ResizeBuffer(end - start), 0, end - start);
            term.Length = end - start;
        }
        offsets.SetOffset(CorrectOffset(sentenceStart + start), CorrectOffset(sentenceStart + end));
        type.Type = "word";
        next++;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        (found, sentence, next) = (null, null, 0);
    }
}
