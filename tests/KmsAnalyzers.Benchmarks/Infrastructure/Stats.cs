using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

internal static class Stats
{
    public static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Median(values.Select(v => (double)v.Ticks)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
            return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "#,0" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string S(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("#,0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Percent(double value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    public static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Verdict(bool met) => met ? "MET" : "NOT MET";
}
