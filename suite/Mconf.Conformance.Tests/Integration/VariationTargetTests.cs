using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>Servers configured differently from the fake, in ways real servers legitimately are: the whole suite
/// fails nothing on each, with auto-connected joins, without (nobody connects), and with the kit's fake driver
/// playing the presence session and connecting every case's users, and reports the variation as an observation
/// where it shows. The variations a real server has as configuration are options of the fake (guest policy,
/// videoCount reading, default dial number); the others are proxies in front of it.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariationTargetTests
{
    public static IEnumerable<TestCaseData> Variations() =>
        from variation in new[]
        {
            "guests-at-once", "guest-policy-always-accept", "guest-policy-always-deny", "video-per-participant", "video-count-participants", "video-per-stream",
            "cdata-spaces", "ids-decoded-twice", "nostats-without-element", "nostats-on-a-server-without-stats", "no-default-dial-number",
        }
        from mode in DrivenRun.Modes
        select new TestCaseData(variation, mode).SetName($"Varying: {variation} ({mode})");

    [TestCaseSource(nameof(Variations))]
    [CancelAfter(300_000)]
    public async Task WholeSuite_OnALegitimateVariation_NothingFails(string variation, string mode)
    {
        var options = BrokenTargets.DefaultOptions();
        DrivenRun.Apply(options, mode);
        options.JournalLimit = 2000;
        if (variation == "no-default-dial-number")
        {
            options.DialNumber = "";
        }

        options.GuestPolicy = variation switch
        {
            "guest-policy-always-accept" => Mconf.Mock.Engine.GuestPolicies.AlwaysAccept,
            "guest-policy-always-deny" => Mconf.Mock.Engine.GuestPolicies.AlwaysDeny,
            _ => options.GuestPolicy,
        };
        if (variation == "video-count-participants")
        {
            options.VideoCount = FakeServerOptions.VideoCountParticipants;
        }

        if (variation == "nostats-on-a-server-without-stats")
        {
            options.StatsMeetings = 0;
        }

        using var fake = FakeMconfServer.Start(options);
        Mutation[] mutations = variation switch
        {
            "guests-at-once" => [Mutations.GuestsAcceptedAtOnce()],
            "video-per-participant" => [Mutations.VideoCountPerParticipant(fake)],
            "ids-decoded-twice" => [Mutations.DecodeIdsTwice(fake.Secret)],
            "nostats-without-element" or "nostats-on-a-server-without-stats" => [Mutations.NoStatsWithoutElement()],
            _ => [],
        };
        await PrepareAsync(fake, variation);
        using var proxy = mutations.Length > 0 ? MutatingProxy.Start(fake.BaseUrl, mutations) : null;
        var outcome = await SuiteRun.RunAsync(DrivenRun.For(SuiteRun.Options(proxy?.BaseUrl ?? fake.BaseUrl, fake.Secret), mode));

        outcome.AbortReason.ShouldBeNull();
        var failed = outcome.Results.Where(r => r.Verdict == Verdict.Failed).ToList();
        var observations = outcome.Results.SelectMany(r => r.Observations).Distinct().ToList();
        await TestContext.Out.WriteLineAsync("observations:\n" + string.Join("\n", observations));
        failed.ShouldBeEmpty(SuiteRun.Describe(failed));
        outcome.LeftoverMeetings.ShouldBeEmpty();

        string? expected = variation switch
        {
            // Without a client nobody is listed, so the guest policy cannot show.
            "guests-at-once" or "guest-policy-always-accept" when mode != DrivenRun.NoClient => GuestJoinCheck.AcceptsAtOnce,
            "video-per-participant" or "video-count-participants" => VideoCountCheck.CountsSharers,
            "video-per-stream" => VideoCountCheck.CountsStreams,
            "cdata-spaces" => "recording metadata values with leading or trailing spaces inside CDATA (taken verbatim as data)",
            "nostats-without-element" or "nostats-on-a-server-without-stats" => "getStats answers an empty selection without a <stats> element (messageKey noStats)",
            "no-default-dial-number" => "create without dialNumber reports an empty dialNumber (the server has no default dial number configured)",
            _ => null,
        };
        if (expected is not null)
        {
            observations.ShouldContain(expected);
        }

        if (variation == "cdata-spaces")
        {
            // The filter sent the stored value exactly, spaces included.
            fake.WireMock.LogEntries.Select(e => e.RequestMessage?.RawQuery ?? "")
                .ShouldContain(q => q.Contains("meta_padded=%20%20padded%20value%20", StringComparison.Ordinal) || q.Contains("meta_padded=++padded+value+", StringComparison.Ordinal));
        }
    }

    private static async Task PrepareAsync(FakeMconfServer fake, string variation)
    {
        switch (variation)
        {
            case "video-per-participant" or "video-count-participants" or "video-per-stream":
                // A participant sharing two webcams: the only case where the two readings differ.
                var meeting = fake.Control.GetState().Meetings.First(m => m.Users.Any(u => u.Connected));
                var user = meeting.Users.First(u => u.Connected);
                fake.Control.StartWebcam(meeting.MeetingId, user.InternalUserId);
                fake.Control.StartWebcam(meeting.MeetingId, user.InternalUserId);
                break;
            case "cdata-spaces":
                await FakeSetup.MeetingAsync(fake, "setup-padded", end: true, ("padded", "  padded value "), ("category", "setup"));
                break;
            case "ids-decoded-twice":
                foreach (var id in new[] { "room+1", "room%41b", "room with spaces", "salle-é", "a,b" })
                {
                    await FakeSetup.MeetingAsync(fake, id, end: false);
                    await FakeSetup.MeetingAsync(fake, id + "-past", end: true);
                }

                break;
        }
    }
}
