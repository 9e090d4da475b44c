using ICU4N.Globalization;
using ICU4N.Text;

namespace Corpus.Search.Concordance;

/// <summary>Chinese order by pinyin, then tone and stroke, as ICU's root collation for the locale zh defines it.</summary>
internal static class PinyinCollation
{
    // A frozen ICU collator is safe to share between threads.
    private static readonly Collator Collator = CreateFrozen();

    public static int Compare(string x, string y) => Collator.Compare(x, y);

    private static Collator CreateFrozen()
    {
        var collator = Collator.GetInstance(new UCultureInfo("zh"));
        return (Collator)collator.Freeze();
    }
}
