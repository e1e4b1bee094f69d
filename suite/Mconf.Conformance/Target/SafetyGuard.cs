using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Target;

/// <summary>The production-safety rules every request passes before it is sent: the read-only tier sends nothing
/// that can create or change state; create, join and end only touch meetings with the run's prefix (a create is
/// registered in the ledger before it is sent); publish and delete only name recordings with the run's prefix or of the run's own meetings.</summary>
internal sealed class SafetyGuard(MeetingLedger ledger, bool readOnly)
{
    private static readonly HashSet<string> Mutating = new(StringComparer.Ordinal) { "create", "join", "end", "setConfigXML", "setPollXML" };

    private static readonly HashSet<string> RecordingChanges = new(StringComparer.Ordinal) { "publishRecordings", "deleteRecordings" };

    public bool ReadOnly => readOnly;

    /// <summary>Throws <see cref="CaseSkipped"/> for a request the read-only tier may not send, and
    /// <see cref="InvalidOperationException"/> for one that could touch what the run did not make.</summary>
    public void Check(string call, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (readOnly && Mutating.Contains(call))
        {
            throw new CaseSkipped($"the read-only tier sends no {call} request (it creates and changes nothing)");
        }

        string? Get(string name) => parameters.FirstOrDefault(p => p.Key == name).Value;

        if (Mutating.Contains(call))
        {
            var meetingId = Get("meetingID");
            if (!string.IsNullOrWhiteSpace(meetingId) && !ledger.IsOurs(meetingId))
            {
                throw new InvalidOperationException($"Refusing to send {call} for meeting '{meetingId}': it does not carry the run prefix '{ledger.Prefix}'.");
            }

            if (call == "create" && !string.IsNullOrWhiteSpace(meetingId))
            {
                ledger.Register(meetingId.Trim(), Get("moderatorPW"));
            }
        }

        if (RecordingChanges.Contains(call))
        {
            var ids = Get("recordID");
            if (!string.IsNullOrEmpty(ids) && ids.Split(',').Any(id => id.Length > 0 && !ledger.IsOurs(id) && !ledger.IsOurRecording(id)))
            {
                throw new InvalidOperationException($"Refusing to send {call} for recordings '{ids}': the run only names recordings with its own prefix or of meetings it created.");
            }
        }
    }

    /// <summary>Sends a request that passed <see cref="Check"/>: a create of the run's meeting first takes a slot of
    /// the ledger's bound (held by <paramref name="ctx"/>: its case, or the session's fixture when it has none), and
    /// an end that the target confirms frees its meeting's slot.</summary>
    public async Task<ApiAnswer> SendAsync(CaseContext ctx, string call, IReadOnlyList<KeyValuePair<string, string>> parameters, Func<Task<ApiAnswer>> send)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(send);
        var meetingId = parameters.FirstOrDefault(p => p.Key == "meetingID").Value?.Trim();
        var ours = !string.IsNullOrEmpty(meetingId) && ledger.IsOurs(meetingId);
        if (ours && call == "create")
        {
            await ledger.AcquireAsync(meetingId!, ctx, ctx.Case is null, ctx.Token).ConfigureAwait(false);
        }

        var answer = await send().ConfigureAwait(false);
        if (ours && call == "end")
        {
            ledger.Settle(meetingId!, MeetingLedger.IsGone(answer));
        }

        return answer;
    }
}
