using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Reflection;
using WireMock;
using WireMock.Logging;
using WireMock.Server;

namespace Mconf.Mock.Wiring;

/// <summary>The parts of a WireMock 2.21 server the direct answers need and WireMock does not expose: its
/// mapping table (to know whether anything but the built-in mappings could match), its journal (to feed it
/// directly) and the global settings that change how a mapping answers. Read once by reflection at start; a
/// WireMock upgrade that renames them fails <see cref="For"/>, which turns the direct answers off. Why not public
/// API: WireMock 2.21's public surface reads the mappings (a copy per call) and the journal but cannot add a journal
/// entry or read the global settings; its LogEntriesChanged event passes the server, not the journal, as sender, and
/// the options type is internal. Without the journal write, `/__admin/requests` and LogEntries would miss every
/// direct answer; without the direct answers the fake runs at 0.28 to 0.45 × the floor instead of 0.8 to 0.9
/// (bench/README.md).</summary>
internal sealed class WireMockInternals
{
    private readonly Func<TimeSpan?> _processingDelay;
    private readonly Func<bool?> _partialMapping;

    private WireMockInternals(ConcurrentDictionary<Guid, IMapping> mappings, Collection<LogEntry> journal, Func<TimeSpan?> processingDelay, Func<bool?> partialMapping)
    {
        Mappings = mappings;
        Journal = journal;
        _processingDelay = processingDelay;
        _partialMapping = partialMapping;
    }

    public ConcurrentDictionary<Guid, IMapping> Mappings { get; }

    /// <summary>WireMock's journal (a collection that locks each operation and raises LogEntriesChanged).</summary>
    public Collection<LogEntry> Journal { get; }

    /// <summary>True when a global setting makes WireMock answer differently from the mapping alone
    /// (a global processing delay, or partial mapping).</summary>
    public bool GlobalSettingsApply => _processingDelay() is { } delay && delay > TimeSpan.Zero || _partialMapping() == true;

    /// <summary>Null when this WireMock version does not have the expected shape.</summary>
    public static WireMockInternals? For(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var options = typeof(WireMockServer).GetField("_options", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(server);
        if (options is null)
        {
            return null;
        }

        var type = options.GetType();
        if (type.GetProperty("Mappings")?.GetValue(options) is not ConcurrentDictionary<Guid, IMapping> mappings
            || type.GetProperty("LogEntries")?.GetValue(options) is not Collection<LogEntry> journal
            || Getter<TimeSpan?>(type, options, "RequestProcessingDelay") is not { } delay
            || Getter<bool?>(type, options, "AllowPartialMapping") is not { } partial)
        {
            return null;
        }

        return new WireMockInternals(mappings, journal, delay, partial);
    }

    private static Func<T>? Getter<T>(Type type, object target, string name) =>
        type.GetProperty(name)?.GetMethod is { } getter && getter.ReturnType == typeof(T)
            ? (Func<T>)Delegate.CreateDelegate(typeof(Func<T>), target, getter)
            : null;
}
