using Mconf.Spec.Signing;

namespace Mconf.Mock.Replay;

/// <summary>Checks the record and replay options together (<see cref="FakeServerOptions.Validate"/> calls it).</summary>
internal static class RecordReplayOptions
{
    public static void Validate(FakeServerOptions options)
    {
        var recording = options.RecordFrom is not null || options.RecordTo is not null || options.RecordSecret is not null;
        if (recording)
        {
            if (string.IsNullOrWhiteSpace(options.RecordFrom) || string.IsNullOrWhiteSpace(options.RecordTo) || options.RecordSecret is null)
            {
                throw new ArgumentException("Recording needs RecordFrom (the real server's URL), RecordSecret (its secret) and RecordTo (a folder).", nameof(options.RecordFrom));
            }

            try
            {
                ApiEndpoint.Parse(options.RecordFrom);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"RecordFrom: {ex.Message}", nameof(options.RecordFrom), ex);
            }
        }

        if (options.ReplayFrom is not null)
        {
            if (recording)
            {
                throw new ArgumentException("Record and replay exclude each other: give RecordFrom or ReplayFrom, not both.", nameof(options.ReplayFrom));
            }

            if (!Directory.Exists(options.ReplayFrom))
            {
                throw new ArgumentException($"ReplayFrom: no folder '{options.ReplayFrom}'.", nameof(options.ReplayFrom));
            }
        }
    }
}
