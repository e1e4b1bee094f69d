using System.Globalization;

namespace Mconf.Mock.Bench;

/// <summary>Managed heap after a forced full compacting collection, and the process's resident set.</summary>
internal readonly record struct MemorySnapshot(long HeapBytes, long RssBytes)
{
    /// <summary>WireMock's Stop returns before its host has let go of its state (journal included); this long
    /// after disposing a server, its memory is collectable.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<MemorySnapshot> TakeAsync()
    {
        await Task.Delay(Settle).ConfigureAwait(false);

        // Aggressive: compacts everything (the large object heap too) and gives free memory back to the OS, so
        // RSS reflects what is live rather than what earlier scenarios left committed.
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return new MemorySnapshot(GC.GetTotalMemory(forceFullCollection: false), ReadRss());
    }

    /// <summary>VmRSS from /proc/self/status, in bytes; -1 where there is no /proc (not Linux).</summary>
    public static long ReadRss()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(Path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1_024;
            }
        }

        return -1;
    }
}
