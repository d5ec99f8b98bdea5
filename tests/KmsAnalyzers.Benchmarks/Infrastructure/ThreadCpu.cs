using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond resolution): time
/// that the thread ran, whatever else the machine was doing. Elsewhere, wall time.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static TimeSpan Now()
    {
        if (IsThreadCpuTime && TryRead(out var value))
            return value;
        return TimeSpan.FromSeconds(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency);
    }

    private static bool TryRead(out TimeSpan value)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
            {
                value = TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        value = default;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
