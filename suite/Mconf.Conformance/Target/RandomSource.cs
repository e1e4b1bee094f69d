using System.Globalization;

namespace Mconf.Conformance.Target;

/// <summary>The run's seeded randomness (meeting and user IDs, passwords, voice bridges), safe to share between
/// cases running in parallel. Seeded from the options, never from the wall clock.</summary>
internal sealed class RandomSource(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    /// <summary><paramref name="length"/> lower-case hex digits.</summary>
    public string Hex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        lock (_lock)
        {
            _random.NextBytes(bytes);
        }

        return Convert.ToHexStringLower(bytes)[..length];
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>), as invariant text.</summary>
    public string Number(int min, int max)
    {
        lock (_lock)
        {
            return _random.Next(min, max).ToString(CultureInfo.InvariantCulture);
        }
    }
}
