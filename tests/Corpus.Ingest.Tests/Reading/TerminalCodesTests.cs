using System.Text;
using Corpus.Ingest.Reading;
using Corpus.Ingest.Tests.RealText;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Reading;

/// <summary>
/// Text captured from a terminal (coloured listings, fortune files, logs) carries escape sequences: the file is text,
/// the sequences are taken out and reported as dropped, and nothing else changes.
/// </summary>
public sealed class TerminalCodesTests
{
    private const string Esc = "\u001b";

    [Theory]
    [InlineData(Esc + "[32m", 5)]
    [InlineData(Esc + "[m", 3)]
    [InlineData(Esc + "[1;31;40m", 10)]
    [InlineData(Esc + "[?25l", 6)]
    [InlineData(Esc + "[2J", 4)]
    [InlineData(Esc + "]0;标题\u0007", 7)]
    [InlineData(Esc + "]8;;http://x" + Esc + "\\", 15)]
    [InlineData(Esc + "(B", 3)]
    [InlineData(Esc + "[12", 0)]
    [InlineData(Esc + "[3\u4e2d", 0)]
    [InlineData(Esc + "]0;不曾结束", 0)]
    [InlineData(Esc, 0)]
    [InlineData(Esc + "x", 0)]
    public void Sequences_are_measured_as_ecma_48_defines_them(string text, int length) =>
        Assert.Equal(length, TerminalCodes.LengthAt(text + "后文", 0));

    [Fact]
    public void Stripping_keeps_every_other_character_in_order_and_gives_back_the_codes()
    {
        var (text, codes) = TerminalCodes.Strip(Esc + "[32m《感遇·其一》" + Esc + "[m\n" + Esc + "[33m作者：张九龄" + Esc + "[m\n" + Esc + "孤");
        Assert.Equal("《感遇·其一》\n作者：张九龄\n" + Esc + "孤", text);
        Assert.Equal(Esc + "[32m" + Esc + "[m" + Esc + "[33m" + Esc + "[m", codes);
        Assert.Equal(("没有转义", ""), TerminalCodes.Strip("没有转义"));
    }

    [Fact]
    public void Random_text_loses_exactly_its_sequences()
    {
        var random = new Random(20261207);
        string[] pieces = [Esc + "[0m", Esc + "[1;32m", Esc + "]2;t\u0007", Esc + "(0", "中", "文", "a", "\n", "。", Esc, "[", "m", "\u0007"];
        for (var round = 0; round < 500; round++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]).ToList();
            var input = string.Concat(parts);
            var (text, codes) = TerminalCodes.Strip(input);
            Assert.Equal(input.Length, text.Length + codes.Length);
            // Every character is either kept or taken, in the input's order; the codes are whole sequences only.
            Assert.True(IsInterleaving(input, text, codes));
            Assert.Equal(codes, string.Concat(Sequences(codes)));
        }
    }

    [Fact]
    public void A_coloured_real_text_goes_in_as_its_plain_text_with_the_codes_reported_as_dropped()
    {
        var plain = RealTextFixtures.Files.Where(f => f.Decodes).Select(RealTextFixtures.Decoded).First(t => t.Length > 500);
        var lines = plain.Split('\n');
        // Coloured like a terminal listing: each non-empty line in a colour, reset at its end.
        var coloured = string.Join('\n', lines.Select((l, i) => l.Length == 0 ? l : $"{Esc}[{31 + i % 6}m{l}{Esc}[0m"));
        var codeCharacters = coloured.Length - plain.Length;
        Assert.True(codeCharacters > 2 * lines.Length);

        using var corpus = new TempCorpus();
        corpus.Write("plain/a.txt", Encoding.UTF8.GetBytes(plain));
        var expected = Run(corpus.Dir);
        using var colouredCorpus = new TempCorpus();
        colouredCorpus.Write("plain/a.txt", Encoding.UTF8.GetBytes(coloured));
        var result = Run(colouredCorpus.Dir);

        Assert.Empty(result.Skipped);
        Assert.Equal(expected.Documents.Select(d => (d.Title, d.Text)), result.Documents.Select(d => (d.Title, d.Text)));
        Assert.Equal(codeCharacters, result.DroppedCharacters()[TerminalCodes.Reason]);
        Assert.Empty(result.Unaccounted);
    }

    [Fact]
    public void Binary_content_is_still_skipped()
    {
        // Escape sequences, then control characters that start none (no NUL: that is another check).
        var bytes = new byte[400];
        new Random(7).NextBytes(bytes);
        var decoded = TextDecoder.Decode([.. Encoding.UTF8.GetBytes(Esc + "[31m中文" + Esc + "[0m"), .. bytes.Select(b => (byte)(1 + b % 8))]);
        Assert.Null(decoded.Text);
        Assert.StartsWith("binary content", decoded.SkipReason);
    }

    private static Model.IngestResult Run(string dir) => new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(dir);

    private static IEnumerable<string> Sequences(string codes)
    {
        for (var i = 0; i < codes.Length;)
        {
            var length = TerminalCodes.LengthAt(codes, i);
            if (length == 0)
            {
                yield break;
            }
            yield return codes.Substring(i, length);
            i += length;
        }
    }

    /// <summary>Whether <paramref name="input"/> is <paramref name="a"/> and <paramref name="b"/> shuffled together, each in order.</summary>
    private static bool IsInterleaving(string input, string a, string b)
    {
        var can = new bool[a.Length + 1, b.Length + 1];
        can[0, 0] = true;
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                if (i > 0 && can[i - 1, j] && a[i - 1] == input[i + j - 1] || j > 0 && can[i, j - 1] && b[j - 1] == input[i + j - 1])
                {
                    can[i, j] = true;
                }
            }
        }
        return can[a.Length, b.Length];
    }
}
