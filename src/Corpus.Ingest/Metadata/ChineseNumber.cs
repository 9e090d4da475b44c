namespace Corpus.Ingest.Metadata;

/// <summary>Numbers in dates as written in Chinese: "2020", "二〇二〇" (digit by digit), "十二", "三十一".</summary>
internal static class ChineseNumber
{
    private const string Digits = "〇一二三四五六七八九";

    public static int? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }
        if (int.TryParse(text, out var arabic))
        {
            return arabic;
        }
        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            // Digit by digit, as years are written.
            var value = 0;
            foreach (var c in text)
            {
                var digit = DigitOf(c);
                if (digit < 0)
                {
                    return null;
                }
                value = value * 10 + digit;
            }
            return value;
        }
        var tens = ten == 0 ? 1 : ten == 1 ? DigitOf(text[0]) : -1;
        var units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? DigitOf(text[^1]) : -1;
        return tens < 0 || units < 0 ? null : tens * 10 + units;
    }

    private static int DigitOf(char c) => c == '零' ? 0 : Digits.IndexOf(c);
}
