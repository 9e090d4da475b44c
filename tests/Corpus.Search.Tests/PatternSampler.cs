using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// Random pattern queries cut from a corpus's own text, so most of them match somewhere: gaps with the default or an
/// explicit length, ? wildcards, both mixed, NEAR in either order, and patterns combined with phrases and exclusions.
/// </summary>
internal sealed class PatternSampler(IReadOnlyList<CleanDocument> documents, Random random)
{
    /// <summary>Characters a sample never holds: sentence ends (a gap cannot cross them), query syntax, breaks.</summary>
    private const string Avoid = "。｡!?…\n\"“”＂*?\\ ";

    public enum Kind { Gap, Wildcard, Mixed, Near, Combined }

    public (Kind Kind, string Query) Next()
    {
        var kind = (Kind)random.Next(5);
        while (true)
        {
            var query = kind switch
            {
                Kind.Gap => Gap(),
                Kind.Wildcard => Wildcard(),
                Kind.Mixed => Mixed(),
                Kind.Near => Near(),
                _ => Combined(),
            };
            if (query is not null)
            {
                return (kind, query);
            }
        }
    }

    /// <summary>A stretch of folded text of the given length inside one sentence, or null.</summary>
    private string? Stretch(int length)
    {
        var text = PatternOracle.Fold(documents[random.Next(documents.Count)].Text).Folded;
        if (text.Length <= length)
        {
            return null;
        }
        var piece = text.Substring(random.Next(text.Length - length), length);
        return piece.Any(c => Avoid.Contains(c) || char.IsSurrogate(c)) || piece[0] == '-' ? null : piece;
    }

    /// <summary>A literal as typed: sometimes in full-width form; a digit right after a gap escaped with \.</summary>
    private string Literal(string text, bool afterGap)
    {
        if (random.Next(4) == 0)
        {
            text = Brute.ToFullWidth(text);
        }
        return afterGap && char.IsAsciiDigit(text[0]) ? "\\" + text : text;
    }

    private string Gap(string left, string right, int middle)
    {
        var length = random.Next(3) switch
        {
            0 when middle <= 10 => "",
            1 => random.Next(1, Math.Max(2, middle)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => random.Next(Math.Max(1, middle), 31).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Literal(left, false) + "*" + length + Literal(right, afterGap: true);
    }

    private string? Gap()
    {
        var length = random.Next(3, 17);
        if (Stretch(length) is not { } piece)
        {
            return null;
        }
        var a = random.Next(1, Math.Min(4, length - 1) + 1);
        var b = random.Next(1, Math.Min(4, length - a) + 1);
        return Gap(piece[..a], piece[^b..], length - a - b);
    }

    private string? Wildcard()
    {
        var length = random.Next(2, 7);
        if (Stretch(length) is not { } piece)
        {
            return null;
        }
        var chars = piece.Select(c => c.ToString()).ToArray();
        var wild = random.Next(length);
        chars[wild] = "?";
        if (length > 3 && random.Next(2) == 0)
        {
            chars[(wild + 2) % length] = "?";
        }
        return chars.Any(c => c != "?") ? string.Concat(chars) : null;
    }

    private string? Mixed()
    {
        var length = random.Next(5, 15);
        if (Stretch(length) is not { } piece)
        {
            return null;
        }
        // a ? b * c: the ? takes the char after a, the gap the chars between b and c.
        var a = random.Next(1, 3);
        var b = random.Next(1, 3);
        var c = random.Next(1, 3);
        var middle = length - a - 1 - b - c;
        return middle < 0 ? null : Literal(piece[..a], false) + "?" + Gap(piece.Substring(a + 1, b), piece[^c..], middle);
    }

    private string? Near()
    {
        var (first, second) = (random.Next(2, 5), random.Next(2, 5));
        var between = random.Next(0, 26);
        if (Stretch(first + between + second) is not { } piece)
        {
            return null;
        }
        var (a, b) = (piece[..first], piece[^second..]);
        if (random.Next(2) == 0)
        {
            (a, b) = (b, a);
        }
        var distance = random.Next(3) == 0 ? "" : "/" + random.Next(0, 31).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Literal(a, false)} NEAR{distance} {Literal(b, false)}";
    }

    private string? Combined()
    {
        var pattern = random.Next(2) == 0 ? Gap() : Wildcard();
        var phrase = Stretch(random.Next(1, 4));
        if (pattern is null || phrase is null)
        {
            return null;
        }
        return random.Next(3) switch
        {
            0 => $"{pattern} {phrase}",
            1 => $"{pattern} -{phrase}",
            _ => $"{phrase} -{pattern}",
        };
    }
}
