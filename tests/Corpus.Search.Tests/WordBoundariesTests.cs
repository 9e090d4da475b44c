using Corpus.Search.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Tests;

/// <summary>The stored segmentation (<see cref="WordBoundaries"/>) against SmartCn's own tokens.</summary>
public sealed class WordBoundariesTests(RealTextCorpus realText, GeneratedCorpus generated) : IClassFixture<RealTextCorpus>, IClassFixture<GeneratedCorpus>
{
    private static readonly WordsAnalyzer Words = new();

    /// <summary>SmartCn's tokens with a letter or digit (the words field's rule), straight from the tokenizer.</summary>
    private static List<WordSpan> Tokens(string folded)
    {
        var spans = new List<WordSpan>();
        using var tokenizer = new HMMChineseTokenizer(new StringReader(folded));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offsets = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            if (term.ToString().Any(char.IsLetterOrDigit))
            {
                spans.Add(new WordSpan(offsets.StartOffset, offsets.EndOffset));
            }
        }
        tokenizer.End();
        return spans;
    }

    /// <summary>Decoded line by line, as the views read them.</summary>
    private static List<WordSpan> DecodeLines(byte[] bits, string folded)
    {
        var words = new List<WordSpan>();
        for (var start = 0; start <= folded.Length;)
        {
            var end = folded.IndexOf('\n', start) is var newline and >= 0 ? newline : folded.Length;
            words.AddRange(WordBoundaries.Decode(bits, folded[start..end], start));
            start = end + 1;
        }
        return words;
    }

    [Fact]
    public void Words_numbers_latin_and_punctuation_decode_to_the_tokens_literally()
    {
        var folded = WidthFold.FoldWordChars("增长6.5%，ＧＤＰ达到3.5万亿元\n  COVID-19疫情 x_y");
        var bits = new SegmentedWords(folded, Words).Boundaries();

        Assert.NotNull(bits);
        Assert.Equal(
            ["增长", "6", "5", "gdp", "达到", "3", "5", "万", "亿", "元", "covid", "19", "疫情", "x", "y"],
            DecodeLines(bits, folded).Select(w => folded[w.Start..w.End]));
        Assert.Equal((folded.Length + 7) / 8, bits.Length);
    }

    [Fact]
    public void Bits_that_would_decode_to_other_words_are_refused()
    {
        // A word that is only punctuation, and a word across a line break, cannot be told apart by the bits.
        Assert.Null(WordBoundaries.Encode("，。好", [new WordSpan(0, 1), new WordSpan(2, 3)]));
        Assert.Null(WordBoundaries.Encode("好\n好", [new WordSpan(0, 3)]));
        Assert.NotNull(WordBoundaries.Encode("，。好", [new WordSpan(2, 3)]));
    }

    [Fact]
    public void Random_text_either_decodes_exactly_or_is_refused()
    {
        const string alphabet = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴故哪ａｂＡＢ0123456789１２３abcXYZ，。、；：？！“”‘’（）《》——…·.,;:?!()-_/%@#& \t\n　";
        var random = new Random(20261207);
        var refused = 0;
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var folded = WidthFold.FoldWordChars(text);
            var words = new SegmentedWords(folded, Words);
            if (words.Boundaries() is { } bits)
            {
                Assert.Equal(Tokens(folded), DecodeLines(bits, folded));
            }
            else
            {
                refused++;
            }
        }
        // Refusing is always safe (the views then segment at query time) but must stay the exception.
        Assert.True(refused < 30, $"{refused} of 300 random texts refused");
    }

    [Fact]
    public void Every_document_of_real_and_generated_text_gets_boundaries_that_give_back_its_tokens()
    {
        foreach (var document in realText.Documents.Concat(generated.Documents))
        {
            var folded = WidthFold.FoldWordChars(document.Text);
            var bits = new SegmentedWords(folded, Words).Boundaries();
            Assert.True(bits is not null, $"no boundaries for {document.Id}");
            Assert.Equal(Tokens(folded), DecodeLines(bits, folded));
            // A text indexed without boundaries (past a doc value's size) is segmented line by line at query time:
            // the same words, since SmartCn's sentences end at line breaks.
            var (stored, segmented) = (new Words.DocumentWords(document.Text, bits), new Words.DocumentWords(document.Text, null));
            for (var at = 1; at < document.Text.Length; at += 97)
            {
                Assert.Equal(stored.Before(at, 3), segmented.Before(at, 3));
                Assert.Equal(stored.After(at, 3), segmented.After(at, 3));
            }
        }
    }
}
