using System.Globalization;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests;

/// <summary>Issue item 6: the counts always match the attendees, getMeetings agrees with getMeetingInfo, and
/// there is never more than one presenter, also under hundreds of concurrent requests on the same meetings.</summary>
public sealed class InvariantsTests
{
    private static int Int(XElementLike e, string path) => int.Parse(e.Value(path) ?? "-1", CultureInfo.InvariantCulture);

    private static void CheckInfo(BbbResponse info)
    {
        if (info.ReturnCode != "SUCCESS")
        {
            return;
        }

        var attendees = info.Select("attendees/attendee").ToList();
        var e = new XElementLike(info.Root);
        Int(e, "participantCount").ShouldBe(attendees.Count);
        Int(e, "moderatorCount").ShouldBe(attendees.Count(a => BbbResponse.Value(a, "role") == "MODERATOR"));
        Int(e, "listenerCount").ShouldBe(attendees.Count(a => BbbResponse.Value(a, "isListeningOnly") == "true"));
        Int(e, "voiceParticipantCount").ShouldBe(attendees.Count(a => BbbResponse.Value(a, "hasJoinedVoice") == "true"));
        attendees.Count(a => BbbResponse.Value(a, "isPresenter") == "true").ShouldBeLessThanOrEqualTo(1);
        info.Value("running").ShouldBe(attendees.Count > 0 ? "true" : "false");
    }

    [Test]
    public async Task Invariants_HoldUnderConcurrentPresenceAndReads()
    {
        using var api = FakeApi.Start();
        var meetings = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            meetings.Add(await api.Create());
        }

        var users = new System.Collections.Concurrent.ConcurrentBag<(string Meeting, string User)>();
        var control = api.Server.Control;
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var gate = new SemaphoreSlim(32);
        var tasks = Enumerable.Range(0, 600).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var random = new Random(i);
                var meeting = meetings[i % meetings.Count];
                var picked = users.Where(u => u.Meeting == meeting).Select(u => u.User).ToList();
                var user = picked.Count > 0 ? picked[random.Next(picked.Count)] : null;
                try
                {
                    switch (i % 10)
                    {
                        case 0 or 1:
                            users.Add((meeting, await api.Join(meeting, "U" + i, random.Next(2) == 0 ? "mp" : "ap", ("guest", random.Next(5) == 0 ? "true" : "false"))));
                            break;
                        case 2 when user is not null: control.SetPresenter(meeting, user); break;
                        case 3 when user is not null: control.SetVoice(meeting, user, random.Next(2) == 0); break;
                        case 4 when user is not null: control.SetListenOnly(meeting, user, random.Next(2) == 0); break;
                        case 5 when user is not null: control.StartWebcam(meeting, user); break;
                        case 6 when user is not null: if (random.Next(3) == 0) { control.Leave(meeting, user); } else { control.Connect(meeting, user); } break;
                        case 7: control.ApproveAllGuests(meeting); break;
                        case 8:
                            var all = await api.Call("getMeetings");
                            all.ReturnCode.ShouldBe("SUCCESS");
                            break;
                        default:
                            CheckInfo(await api.Info(meeting));
                            break;
                    }
                }
                catch (FakeControlException)
                {
                    // A user raced into another state (e.g. not connected any more): a legitimate answer.
                }
            }
#pragma warning disable CA1031 // collected and asserted below
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add(ex);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(3)));
        api.Logged.ShouldBeEmpty();

        var list = (await api.Call("getMeetings")).Select("meetings/meeting").ToList();
        foreach (var meeting in meetings)
        {
            var info = await api.Info(meeting);
            CheckInfo(info);
            var entry = list.Single(m => BbbResponse.Value(m, "meetingID") == meeting);
            foreach (var name in new[] { "participantCount", "listenerCount", "voiceParticipantCount", "running" })
            {
                BbbResponse.Value(entry, name).ShouldBe(info.Value(name), name);
            }

            BbbResponse.Value(entry, "videoCount").ShouldBe(info.Select("attendees/attendee/videoStreams/streamName").Count().ToString(CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public async Task GetMeetings_WithManyMeetings_IsConsistent()
    {
        using var api = FakeApi.Start(o => o.Meetings = 200);
        var list = (await api.Call("getMeetings")).Select("meetings/meeting").ToList();
        list.Count.ShouldBe(200);
        list.Select(m => BbbResponse.Value(m, "meetingID")).Distinct().Count().ShouldBe(200);
        foreach (var m in list.Take(10))
        {
            CheckInfo(await api.Info(BbbResponse.Value(m, "meetingID")!));
        }
    }

    /// <summary>Tiny adapter so the checks read like paths.</summary>
    private sealed class XElementLike(System.Xml.Linq.XElement root)
    {
        public string? Value(string path) => BbbResponse.Value(root, path);
    }
}
