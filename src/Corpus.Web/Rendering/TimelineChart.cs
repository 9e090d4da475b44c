using System.Globalization;
using Corpus.Search;

namespace Corpus.Web.Rendering;

/// <summary>What a timeline chart plots: occurrences per million characters, occurrences, or documents.</summary>
public enum TimelineMeasure { PerMillion, Occurrences, Documents }

/// <summary>
/// The geometry of a timeline drawn as server-side SVG (coordinates in a fixed viewBox; the page scales it): one
/// polyline per series, and per period a full-height clickable column whose accessible name states every series' figures.
/// </summary>
public sealed record TimelineChart(
    IReadOnlyList<TimelineChart.Line> Lines, IReadOnlyList<TimelineChart.Column> Columns,
    IReadOnlyList<TimelineChart.Tick> YTicks, IReadOnlyList<TimelineChart.Tick> XTicks)
{
    public const int Width = 480;
    public const int Height = 260;
    public const int Left = 52;
    public const int Right = 8;
    public const int Top = 12;
    public const int Bottom = 36;
    public const int PlotWidth = Width - Left - Right;
    public const int PlotHeight = Height - Top - Bottom;
    private const int MaxXLabels = 6;

    /// <param name="Segments">"x,y x,y …" for each polyline's points attribute: a period without any text has no
    /// rate, so per million the line breaks there rather than dropping to zero.</param>
    public sealed record Line(int Series, IReadOnlyList<string> Segments, IReadOnlyList<(double X, double Y)> Dots);

    /// <param name="Index">The period's index in the series' buckets.</param>
    public sealed record Column(int Index, double X, double Width, string Label);

    public sealed record Tick(double Position, string Label);

    public static TimelineChart Build(TimelineResult result, TimelineMeasure measure)
    {
        var periods = result.Series.Count == 0 ? 0 : result.Series[0].Buckets.Count;
        if (periods == 0)
        {
            return new TimelineChart([], [], [], []);
        }
        var max = result.Series.SelectMany(s => s.Buckets).Select(b => Value(b, measure)).DefaultIfEmpty(0).Max();
        var top = NiceCeiling(max);
        var band = PlotWidth / (double)periods;
        double X(int i) => Left + band * (i + 0.5);
        double Y(double v) => Top + PlotHeight - (top == 0 ? 0 : v / top * PlotHeight);
        var lines = result.Series.Select((series, s) =>
        {
            var segments = new List<string>();
            var dots = new List<(double, double)>();
            var current = new List<string>();
            for (var i = 0; i < series.Buckets.Count; i++)
            {
                var bucket = series.Buckets[i];
                if (measure == TimelineMeasure.PerMillion && bucket.Characters == 0)
                {
                    Flush();
                    continue;
                }
                var (x, y) = (Round(X(i)), Round(Y(Value(bucket, measure))));
                dots.Add((x, y));
                current.Add(Format(x) + "," + Format(y));
            }
            Flush();
            return new Line(s, segments, dots);

            void Flush()
            {
                if (current.Count > 0)
                {
                    segments.Add(string.Join(' ', current));
                    current.Clear();
                }
            }
        }).ToList();
        var columns = Enumerable.Range(0, periods)
            .Select(i => new Column(i, Round(Left + band * i), Round(band), PeriodLabel(result.Unit, result.Series[0].Buckets[i].Start)))
            .ToList();
        var yTicks = Enumerable.Range(0, 5).Select(k => top * k / 4).Select(v => new Tick(Round(Y(v)), FormatValue(v))).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(periods / (double)MaxXLabels));
        var xTicks = Enumerable.Range(0, periods).Where(i => i % step == 0)
            .Select(i => new Tick(Round(X(i)), PeriodLabel(result.Unit, result.Series[0].Buckets[i].Start))).ToList();
        return new TimelineChart(lines, columns, yTicks, xTicks);
    }

    public static double Value(TimelineBucket bucket, TimelineMeasure measure) => measure switch
    {
        TimelineMeasure.Occurrences => bucket.Occurrences,
        TimelineMeasure.Documents => bucket.Documents,
        _ => bucket.OccurrencesPerMillion(),
    };

    /// <summary>How a period is named on the axis and in accessible names: 2020、2020-03、2020-03-02 起一周、2020-03-05.</summary>
    public static string PeriodLabel(TimelineUnit unit, DateOnly start) => unit switch
    {
        TimelineUnit.Year => start.ToString("yyyy", CultureInfo.InvariantCulture),
        TimelineUnit.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimelineUnit.Week => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 起一周",
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The date filter that selects exactly a period: a year or month as typed, a week or day as its first and last day.</summary>
    public static (string From, string To) PeriodFilter(TimelineUnit unit, DateOnly start) => unit switch
    {
        TimelineUnit.Year => (start.ToString("yyyy", CultureInfo.InvariantCulture), start.ToString("yyyy", CultureInfo.InvariantCulture)),
        TimelineUnit.Month => (start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        TimelineUnit.Week => (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    public static string FormatValue(double value) =>
        value.ToString(value >= 100 || value == Math.Floor(value) ? "#,0" : "0.##", CultureInfo.InvariantCulture);

    public static string Format(double coordinate) => coordinate.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten at or above the maximum, so the axis has round ticks.</summary>
    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var factor in new[] { 1.0, 2.0, 4.0, 5.0, 10.0 })
        {
            if (factor * power >= max)
            {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static double Round(double value) => Math.Round(value, 1);
}
