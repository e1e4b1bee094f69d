using Mconf.Conformance.Model;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Target;

/// <summary>The run cannot start; <see cref="Exception.Message"/> is the one reason, without any secret.</summary>
public sealed class PreflightFailed(string reason) : Exception(reason);

/// <summary>Before any case: the API root must answer a BBB version (right URL, XML), and a signed getMeetings must
/// be accepted (right secret and algorithm). Either failure stops the run with one clear reason. It also measures
/// the target's latency (the faster of two API-root answers), from which a slow target's call budget is derived
/// (<see cref="TargetClient.CallBudget"/>).</summary>
internal static class Preflight
{
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public static void ValidateOptions(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TargetUrl))
        {
            throw new PreflightFailed("No target URL is configured.");
        }

        try
        {
            ApiEndpoint.Parse(options.TargetUrl);
        }
        catch (FormatException ex)
        {
            throw new PreflightFailed($"The target URL is not usable: {Redactor.Redact(ex.Message, options.Secret)}");
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            throw new PreflightFailed("No shared secret is configured (bbb-conf --secret prints it).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new PreflightFailed("The request timeout must be positive.");
        }
    }

    /// <summary>Runs both checks; returns the fingerprint, with the flavour judged from getMeetings when it lists meetings.</summary>
    public static async Task<TargetFingerprint> RunAsync(TargetClient client, FlavourSniffer flavour, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(flavour);
        var root = client.Endpoint.ApiRoot.AbsoluteUri;
        ApiAnswer index;
        var time = client.Options.Time;
        var started = time.GetTimestamp();
        try
        {
            index = await client.GetRawAsync("", "", cancellationToken).ConfigureAwait(false);
        }
        catch (TransportFailure ex)
        {
            throw new PreflightFailed($"The target cannot be reached: {ex.Message}.");
        }

        var first = time.GetElapsedTime(started);
        if (index.Status is >= 300 and < 400 && index.Exchange.Location is { } location)
        {
            var elsewhere = Uri.TryCreate(location, UriKind.Absolute, out var to) && !string.Equals(to.Host, client.Endpoint.ApiRoot.Host, StringComparison.OrdinalIgnoreCase);
            throw new PreflightFailed(elsewhere
                ? $"The API root {root} redirects to another host ({location}); the suite never follows a redirect off the target's host: give that server as the target if it is the one meant."
                : $"The API root {root} redirects (HTTP {index.Status}) to {location}; the suite follows no redirect: give that URL as the target.");
        }

        if (index.HasDtd)
        {
            throw new PreflightFailed($"The API root {root} answered XML with a DTD (<!DOCTYPE>): BBB answers carry none, and the suite does not process DTDs.");
        }

        if (index.Xml is null)
        {
            throw new PreflightFailed(
                $"The API root {root} did not answer XML (HTTP {index.Status}, {index.Exchange.ContentType ?? "no content type"}): " +
                "the URL is probably wrong; give the server's base URL, e.g. https://host/bigbluebutton or https://host/bigbluebutton/api.");
        }

        var version = index.Xml.Value("version");
        if (!index.Xml.IsSuccess || string.IsNullOrEmpty(version))
        {
            throw new PreflightFailed(
                $"The API root {root} answered XML without a BigBlueButton version (returncode {index.Xml.ReturnCode ?? "none"}): not a BBB API root.");
        }

        ApiAnswer meetings;
        try
        {
            meetings = await client.CallAsync("getMeetings", [], cancellationToken).ConfigureAwait(false);
        }
        catch (TransportFailure ex)
        {
            throw new PreflightFailed($"A signed getMeetings got no answer: {ex.Message}.");
        }

        if (meetings.HasDtd)
        {
            throw new PreflightFailed("A signed getMeetings answered XML with a DTD (<!DOCTYPE>): BBB answers carry none, and the suite does not process DTDs.");
        }

        if (meetings.Xml is null)
        {
            throw new PreflightFailed($"A signed getMeetings did not answer XML (HTTP {meetings.Status}): the target is not a BBB API.");
        }

        if (meetings.Xml.ErrorKey == "checksumError")
        {
            var hint = client.Signer.Algorithm == ChecksumAlgorithm.Sha1
                ? "check the shared secret"
                : $"check the shared secret, and note the checksum algorithm is {client.Signer.Algorithm.Name()}: BBB 0.9 and Mconf-Live accept SHA-1 only";
            throw new PreflightFailed($"The target rejected the shared secret: a signed getMeetings answered checksumError ({hint}).");
        }

        if (!meetings.Xml.IsSuccess)
        {
            throw new PreflightFailed($"A signed getMeetings answered {meetings.Summary()} instead of SUCCESS.");
        }

        var again = time.GetTimestamp();
        try
        {
            await client.GetRawAsync("", "", cancellationToken).ConfigureAwait(false);
            client.MeasuredLatency(Min(first, time.GetElapsedTime(again)));
        }
        catch (TransportFailure)
        {
            // The first answer came: a second one lost is no reason to stop; the first measure stands.
            client.MeasuredLatency(first);
        }

        flavour.Observe(meetings);
        return new TargetFingerprint(root, client.Endpoint.HadApiSuffix, version, flavour.Flavour, client.Signer.Algorithm.Name(), client.Options.Embedded);
    }
}
