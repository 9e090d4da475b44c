namespace Corpus.Search.Words;

/// <summary>The association and keyness scores, as Sketch Engine and Rayson and Garside define them.</summary>
public static class Association
{
    /// <summary>logDice = 14 + log2(2·f_xy / (f_x + f_y)) (Rychlý 2008): at most 14, independent of corpus size.</summary>
    public static double LogDice(double fxy, double fx, double fy) => 14 + Math.Log2(2 * fxy / (fx + fy));

    /// <summary>MI = log2(f_xy·N / (f_x·f_y)) (Church and Hanks 1990).</summary>
    public static double Mi(double fxy, double fx, double fy, double n) => Math.Log2(fxy * n / (fx * fy));

    /// <summary>
    /// Log-likelihood G² = 2·(a·ln(a/E1) + b·ln(b/E2)) with E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d), for a word seen a
    /// times in a corpus of c words and b times in one of d words (Rayson and Garside 2000); 0·ln 0 counts as 0.
    /// </summary>
    public static double LogLikelihood(double a, double b, double c, double d)
    {
        var e1 = c * (a + b) / (c + d);
        var e2 = d * (a + b) / (c + d);
        return 2 * ((a > 0 ? a * Math.Log(a / e1) : 0) + (b > 0 ? b * Math.Log(b / e2) : 0));
    }
}
