using System.Text.Json;
using System.Text.RegularExpressions;
using Mconf.Spec.Model;

namespace Mconf.Spec.Tests;

/// <summary>Keeps the spec files (specs/calls/*.json, errors.json, rules.json) consistent: stable IDs, traceable
/// sources, RFC-2119 requirements, and the Mconf-Live entries the conformance kit must cover. Every test collects
/// the offending entries and fails naming them.</summary>
[TestFixture]
public sealed partial class SpecLintTests
{
    /// <summary>The acceptance list of the issue: Mconf-Live deltas the spec must describe.</summary>
    private static readonly string[] RequiredMconfIds =
    [
        "create/response/voiceBridge",
        "create/response/dialNumber",
        "getMeetings/response/meetings/meeting/voiceBridge",
        "getMeetings/response/meetings/meeting/dialNumber",
        "getMeetings/response/meetings/meeting/participantCount",
        "getMeetings/response/meetings/meeting/listenerCount",
        "getMeetings/response/meetings/meeting/voiceParticipantCount",
        "getMeetings/response/meetings/meeting/videoCount",
        "getMeetingInfo/response/internalMeetingID",
        "getMeetingInfo/response/listenerCount",
        "getMeetingInfo/response/voiceParticipantCount",
        "getMeetingInfo/response/attendees/attendee/isPresenter",
        "getMeetingInfo/response/attendees/attendee/isListeningOnly",
        "getMeetingInfo/response/attendees/attendee/hasJoinedVoice",
        "getMeetingInfo/response/attendees/attendee/videoStreams",
        "getMeetingInfo/response/attendees/attendee/guest",
        "getMeetingInfo/response/attendees/attendee/waitingForAcceptance",
        "getMeetingInfo/response/attendees/attendee/videoStreams/streamName",
        "join/request/guest",
        "getRecordings/request/meta_*",
        "getStats/request/meetingID",
        "getStats/response/stats",
        "getStats/response/stats/meeting",
        "getStats/response/stats/meeting/meetingID",
        "getStats/response/stats/meeting/meetingName",
        "getStats/response/stats/meeting/recordID",
        "getStats/response/stats/meeting/startTime",
        "getStats/response/stats/meeting/endTime",
        "getStats/response/stats/meeting/participants",
        "getStats/response/stats/meeting/participants/participant",
        "getStats/response/stats/meeting/participants/participant/userID",
        "getStats/response/stats/meeting/participants/participant/userName",
        "getStats/response/stats/meeting/participants/participant/joinTime",
        "getStats/response/stats/meeting/participants/participant/leftTime",
    ];

    /// <summary>The calls the spec describes (one file each).</summary>
    private static readonly string[] ExpectedCalls =
    [
        "index", "create", "join", "isMeetingRunning", "end", "getMeetingInfo", "getMeetings",
        "getRecordings", "publishRecordings", "deleteRecordings", "getStats",
    ];

    private const string ChecksumMissing = "checksumMissing";
    private const string ChecksumMismatch = "checksumMismatch";
    private const int MaxDescriptionLength = 200;
    private const int MaxQuoteLength = 200;

    private SpecCatalog _spec = null!;

    /// <summary>The rule kinds with the arguments each needs, from their one definition in spec.schema.json
    /// (error-answer also needs one of omit/set, checked separately).</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _ruleKinds = null!;

    [OneTimeSetUp]
    public void LoadFromDisk()
    {
        _spec = SpecCatalog.LoadFrom(RepoRoot.File("specs"));
        _ruleKinds = RuleKindSchema.Read(RepoRoot.Read("specs/spec.schema.json"));
    }

    [Test]
    public void Every_expected_call_has_a_file_named_after_it()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot.File("specs"), "calls"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        var misnamed = _spec.Calls.Where(c => !files.Contains(c.Name, StringComparer.Ordinal))
            .Select(c => c.Name)
            .ToList();
        var missing = ExpectedCalls.Where(n => !_spec.TryGetCall(n, out _)).ToList();

        NoOffenders(misnamed, "Calls whose file is not calls/<name>.json");
        NoOffenders(missing, "Calls without a spec file");
    }

    [Test]
    public void Embedded_catalogue_has_the_same_ids_as_the_files()
    {
        var embedded = SpecCatalog.Load().AllIds.Order(StringComparer.Ordinal).ToList();
        var onDisk = _spec.AllIds.Order(StringComparer.Ordinal).ToList();

        var onlyOnDisk = onDisk.Except(embedded, StringComparer.Ordinal).ToList();
        var onlyEmbedded = embedded.Except(onDisk, StringComparer.Ordinal).ToList();

        NoOffenders(onlyOnDisk, "IDs in specs/ but not in the built library (rebuild Mconf.Spec)");
        NoOffenders(onlyEmbedded, "IDs in the built library but no longer in specs/");
    }

    [Test]
    public void Embedded_catalogue_equals_the_files_entry_by_entry()
    {
        var embedded = SpecCatalog.Load();
        var differing = Serialized(embedded).Zip(Serialized(_spec))
            .Where(pair => pair.First != pair.Second)
            .Select(pair => pair.Second.Id)
            .ToList();

        Serialized(embedded).Count.ShouldBe(Serialized(_spec).Count, "Embedded and on-disk catalogues differ in size.");
        NoOffenders(differing, "Entries whose embedded copy differs from specs/ (rebuild Mconf.Spec)");
    }

    [Test]
    public void Ids_are_unique_across_the_catalogue()
    {
        var duplicates = _spec.AllIds.GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        NoOffenders(duplicates, "Duplicate IDs");
    }

    [Test]
    public void Element_ids_are_call_response_path()
    {
        var wrong = _spec.Calls.SelectMany(c => c.Response.Where(e => e.Id != $"{c.Name}/response/{e.Path}").Select(e => e.Id))
            .ToList();

        NoOffenders(wrong, "Element IDs that are not <call>/response/<path>");
    }

    [Test]
    public void Param_ids_are_call_request_name()
    {
        var wrong = _spec.Calls.SelectMany(c => c.Params.Where(p => p.Id != $"{c.Name}/request/{p.Name}").Select(p => p.Id))
            .ToList();

        NoOffenders(wrong, "Param IDs that are not <call>/request/<name>");
    }

    [Test]
    public void Error_ids_are_the_key_or_the_key_and_a_group_when_the_key_has_several_messages()
    {
        var wrong = _spec.Errors.GroupBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Count() == 1
                ? g.Where(e => e.Id != $"error/{e.Key}")
                : g.Where(e => !e.Id.StartsWith($"error/{e.Key}/", StringComparison.Ordinal) || e.Id.Length <= $"error/{e.Key}/".Length))
            .Select(e => e.Id)
            .ToList();

        NoOffenders(wrong, "Error IDs not of the form error/<key> (unique key) or error/<key>/<group>");
    }

    [Test]
    public void Rules_are_about_an_existing_id_and_extend_it_with_a_slug()
    {
        var ids = _spec.AllIds.ToHashSet(StringComparer.Ordinal);
        var unknownAbout = _spec.Rules.Where(r => !ids.Contains(r.About) || r.About.Contains('#', StringComparison.Ordinal))
            .Select(r => $"{r.Id} (about {r.About})")
            .ToList();
        var badId = _spec.Rules.Where(r => !r.Id.StartsWith(r.About + "#", StringComparison.Ordinal) || r.Id.Length <= r.About.Length + 1)
            .Select(r => r.Id)
            .ToList();

        NoOffenders(unknownAbout, "Rules about an ID that is not a param, element or answer key");
        NoOffenders(badId, "Rule IDs that are not <about>#<slug>");
    }

    [Test]
    public void Call_errors_and_error_calls_agree()
    {
        var callNames = _spec.Calls.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missingInErrors = _spec.Calls
            .SelectMany(c => c.Errors.Where(key => !_spec.Errors.Any(e => e.Key == key && e.Calls.Contains(c.Name))).Select(key => $"{c.Name}: {key}"))
            .ToList();
        var missingInCalls = _spec.Errors.Where(e => e.Scope == ErrorSpec.CallScope)
            .SelectMany(e => e.Calls.Where(n => !callNames.Contains(n) || !_spec.Call(n).Errors.Contains(e.Key)).Select(n => $"{e.Id}: {n}"))
            .ToList();
        var ambiguous = _spec.Errors.SelectMany(e => e.Calls.Select(n => (e.Key, Call: n)))
            .GroupBy(x => x)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Call}: {g.Key.Key}")
            .ToList();

        NoOffenders(missingInErrors, "Call errors without an errors.json entry for that call");
        NoOffenders(missingInCalls, "errors.json calls that do not list the key (or do not exist)");
        NoOffenders(ambiguous, "Keys with more than one errors.json entry for the same call");
    }

    [Test]
    public void Answer_keys_outside_the_spec_calls_say_so_by_their_scope()
    {
        var callNames = _spec.Calls.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var wrong = _spec.Errors.Where(e => e.Scope switch
            {
                // A server's answer names its calls; a call the spec describes makes it scope "call".
                ErrorSpec.CallScope => e.Calls.Count == 0,
                ErrorSpec.OutsideSpecScope => e.Calls.Count == 0 || e.Calls.Any(callNames.Contains),
                // The fake's own answers belong to no call, and clash with no key a server gives.
                ErrorSpec.FakeScope => e.Calls.Count > 0 || e.Success
                    || _spec.Errors.Any(other => other.Scope != ErrorSpec.FakeScope && other.Key == e.Key),
                _ => true,
            })
            .Select(e => $"{e.Id} (scope {e.Scope}, calls [{string.Join(", ", e.Calls)}])")
            .ToList();

        NoOffenders(wrong, "errors.json entries whose scope and calls disagree (call: spec calls; outside-spec: other calls; fake: none)");
    }

    [Test]
    public void Check_order_names_checksum_steps_or_the_calls_own_answer_keys()
    {
        var wrong = _spec.Calls
            .SelectMany(c => c.CheckOrder
                .Where(step => step != ChecksumMissing && step != ChecksumMismatch && !c.Errors.Contains(step))
                .Select(step => $"{c.Name}: {step}"))
            .ToList();
        var checksumSteps = _spec.Calls
            .Where(c => c.Checksum
                ? c.CheckOrder.FirstOrDefault() != ChecksumMissing || !c.CheckOrder.Contains(ChecksumMismatch)
                : c.CheckOrder.Contains(ChecksumMissing) || c.CheckOrder.Contains(ChecksumMismatch))
            .Select(c => c.Name)
            .ToList();

        NoOffenders(wrong, "checkOrder entries that are neither checksum steps nor the call's keys");
        NoOffenders(checksumSteps, "Calls whose checkOrder disagrees with checksum (signed calls start with checksumMissing and include checksumMismatch)");
    }

    [Test]
    public void Every_entry_has_text_and_a_traceable_source()
    {
        var offenders = Entries()
            .Where(e => string.IsNullOrWhiteSpace(e.Text)
                || e.Source is null
                || (e.Source.Doc != SourceRef.Wiki && e.Source.Doc != SourceRef.Reference)
                || string.IsNullOrWhiteSpace(e.Source.Section)
                || string.IsNullOrWhiteSpace(e.Source.Quote)
                || e.Source.Quote.Length >= MaxQuoteLength)
            .Select(e => e.Id)
            .ToList();

        NoOffenders(offenders, $"Entries without description/requirement, or whose source is not wiki/reference with a section and a quote under {MaxQuoteLength} chars");
    }

    [Test]
    public void Requirements_use_rfc2119_words_and_never_a_lower_case_should()
    {
        NoOffenders(_spec.Rules
            .Where(r => !Rfc2119().IsMatch(r.Requirement) || LowerShould().IsMatch(r.Requirement))
            .Select(r => r.Id), "Requirements without MUST/SHOULD/MAY or with a lower-case 'should'");
    }

    [Test]
    public void Descriptions_are_short_and_factual()
    {
        var offenders = Entries()
            .Where(e => e.Kind != "rule" && e.Kind != "error")
            .Where(e => e.Text.Length >= MaxDescriptionLength || LowerShould().IsMatch(e.Text) || e.Text.Contains('\n', StringComparison.Ordinal))
            .Select(e => e.Id)
            .ToList();

        NoOffenders(offenders, $"Descriptions of {MaxDescriptionLength}+ chars, over several lines, or saying 'should'");
    }

    [Test]
    public void Only_enum_entries_have_values_and_every_enum_has_some()
    {
        NoOffenders(ParamsAndElements()
            .Where(t => t.Type == SpecType.Enum ? t.Values is not { Count: > 0 } : t.Values is not null)
            .Select(t => t.Id), "Enum without values, or values on a non-Enum");
    }

    [Test]
    public void Nested_elements_sit_under_an_earlier_group_element()
    {
        var offenders = new List<string>();
        foreach (var call in _spec.Calls)
        {
            var seen = new Dictionary<string, ElementSpec>(StringComparer.Ordinal);
            foreach (var element in call.Response)
            {
                if (element.ParentPath.Length > 0
                    && (!seen.TryGetValue(element.ParentPath, out var parent) || parent.Type != SpecType.Group))
                {
                    offenders.Add(element.Id);
                }

                seen[element.Path] = element;
            }
        }

        NoOffenders(offenders, "Nested elements whose parent is not an earlier Group element of the call");
    }

    [Test]
    public void Repeated_elements_are_optional()
    {
        NoOffenders(_spec.Calls.SelectMany(c => c.Response)
            .Where(e => e.Repeated && e.When != Presence.Optional)
            .Select(e => e.Id), "Repeated elements (0..n) must have when=optional");
    }

    [Test]
    public void Entries_missing_from_the_wiki_are_mconf_live_and_sourced_from_the_reference()
    {
        NoOffenders(ParamsAndElements()
            .Where(x => !x.InWiki && (x.Origin != Origin.MconfLive || x.Source.Doc != SourceRef.Reference))
            .Select(x => x.Id), "inWiki=false entries that are not mconf-live with a reference source");
    }

    [Test]
    public void Entries_of_a_mconf_live_call_are_mconf_live()
    {
        // A call that is itself a delta (getStats) is absent from a plain 0.9 server as a whole, envelope included.
        NoOffenders(ParamsAndElements()
            .Where(x => x.Call.Origin == Origin.MconfLive && x.Origin != Origin.MconfLive)
            .Select(x => x.Id), "Entries of a mconf-live call with another origin");
    }

    [Test]
    public void Every_required_mconf_live_id_is_present_with_origin_mconf_live()
    {
        var origins = ParamsAndElements().ToDictionary(x => x.Id, x => x.Origin, StringComparer.Ordinal);
        var missing = RequiredMconfIds.Where(id => !origins.ContainsKey(id)).ToList();
        var wrongOrigin = RequiredMconfIds.Where(id => origins.TryGetValue(id, out var o) && o != Origin.MconfLive).ToList();

        NoOffenders(missing, "Required Mconf-Live IDs missing from the spec");
        NoOffenders(wrongOrigin, "Required Mconf-Live IDs whose origin is not mconf-live");
    }

    [Test]
    public void Rules_use_a_known_kind_with_its_arguments()
    {
        var offenders = new List<string>();
        foreach (var rule in _spec.Rules)
        {
            if (!_ruleKinds.TryGetValue(rule.Kind, out var needed))
            {
                offenders.Add($"{rule.Id}: unknown kind '{rule.Kind}'");
                continue;
            }

            var args = rule.Args ?? new Dictionary<string, string>();
            offenders.AddRange(needed.Where(a => !args.ContainsKey(a)).Select(a => $"{rule.Id}: missing arg '{a}'"));
            if (rule.Kind == "error-answer" && args.ContainsKey("omit") == args.ContainsKey("set"))
            {
                offenders.Add($"{rule.Id}: needs exactly one of 'omit' and 'set'");
            }
        }

        NoOffenders(offenders, "Rules with an unknown kind or missing arguments", "; ");
    }

    [Test]
    public void Rule_arguments_name_existing_calls_params_and_elements()
    {
        var offenders = new List<string>();
        foreach (var rule in _spec.Rules)
        {
            var args = rule.Args ?? new Dictionary<string, string>();
            switch (rule.Kind)
            {
                case "echo-param" when args["call"] == "join":
                    // A join echo is read in the user's attendee of getMeetingInfo; userdata-<key> is a family of
                    // parameters (specs/reference.md §3.2) the join spec does not list one by one.
                    const string attendee = "getMeetingInfo/response/attendees/attendee/";
                    Expect(rule, _spec.Call("join").Param(args["param"]) is not null || args["param"].StartsWith("userdata-", StringComparison.Ordinal),
                        $"join has no param '{args["param"]}'");
                    var below = rule.About.StartsWith(attendee, StringComparison.Ordinal) ? rule.About[attendee.Length..] : "";
                    Expect(rule, below.Length > 0 && (args["path"] == below || args["path"].StartsWith(below + "/", StringComparison.Ordinal))
                        && _spec.Call("getMeetingInfo").Element("attendees/attendee/" + below) is not null,
                        $"about is not a getMeetingInfo attendee element at or above '{args["path"]}'");
                    break;
                case "answer-value":
                    Expect(rule, _spec.TryGetCall(args["call"], out var answerCall) && answerCall.Element(args["path"]) is not null,
                        $"'{args["call"]}' has no element '{args["path"]}'");
                    Expect(rule, rule.About == $"{args["call"]}/response/{args["path"]}", "about is not <call>/response/<path>");
                    break;
                case "echo-param":
                    Expect(rule, _spec.Call("create").Param(args["param"]) is not null, $"create has no param '{args["param"]}'");
                    Expect(rule, _spec.TryGetCall(args["call"], out var echoCall) && echoCall.Element(args["path"]) is not null,
                        $"'{args["call"]}' has no element '{args["path"]}'");
                    Expect(rule, rule.About == $"{args["call"]}/response/{args["path"]}", "about is not <call>/response/<path>");
                    break;
                case "same-across-calls":
                    Expect(rule, _spec.Call("getMeetings").Element(args["path"]) is not null, $"getMeetings has no '{args["path"]}'");
                    Expect(rule, _spec.Call("getMeetingInfo").Element(args["otherPath"]) is not null, $"getMeetingInfo has no '{args["otherPath"]}'");
                    break;
                case "count-flagged":
                    Expect(rule, _spec.Call("getMeetingInfo").Element(args["flag"])?.Type == SpecType.Boolean,
                        $"getMeetingInfo has no Boolean '{args["flag"]}'");
                    break;
                case "error-answer":
                    var error = _spec.Errors.FirstOrDefault(e => e.Id == rule.About);
                    Expect(rule, error is not null && error.Key == args["key"] && error.Calls.Contains(args["call"]),
                        $"key '{args["key"]}' / call '{args["call"]}' do not match {rule.About}");
                    if (args.TryGetValue("omit", out var omitted))
                    {
                        Expect(rule, _spec.TryGetCall(args["call"], out var omitCall) && omitCall.Param(omitted) is not null,
                            $"'{args["call"]}' has no param '{omitted}'");
                    }

                    if (args.TryGetValue("set", out var set))
                    {
                        var names = set.Split(';').Select(pair => pair.Split('=', 2)[0]);
                        Expect(rule, _spec.TryGetCall(args["call"], out var setCall) && names.All(n => setCall.Param(n) is not null),
                            $"'{args["call"]}' lacks a param of '{set}'");
                    }

                    break;
            }
        }

        NoOffenders(offenders, "Rule arguments naming nothing in the spec", "; ");

        void Expect(RuleSpec rule, bool condition, string problem)
        {
            if (!condition)
            {
                offenders.Add($"{rule.Id}: {problem}");
            }
        }
    }

    /// <summary>Fails naming every offender, after the problem they share.</summary>
    private static void NoOffenders(IEnumerable<string> offenders, string problem, string separator = ", ")
    {
        var list = offenders.ToList();
        list.ShouldBeEmpty($"{problem}: {string.Join(separator, list)}");
    }

    /// <summary>Every parameter and response element of every call, with the fields the lint compares.</summary>
    private IEnumerable<(CallSpec Call, string Id, SpecType Type, IReadOnlyList<string>? Values, Origin Origin, bool InWiki, SourceRef Source)> ParamsAndElements() =>
        _spec.Calls.SelectMany(c => c.Params.Select(p => (c, p.Id, p.Type, p.Values, p.Origin, p.InWiki, p.Source))
            .Concat(c.Response.Select(e => (c, e.Id, e.Type, e.Values, e.Origin, e.InWiki, e.Source))));

    /// <summary>Every catalogue entry with its human text (description or requirement) and its source.</summary>
    private IEnumerable<(string Id, string Kind, string Text, SourceRef Source)> Entries() =>
        _spec.Calls.Select(c => (c.Name, "call", c.Description, c.Source))
            .Concat(_spec.Calls.SelectMany(c => c.Params.Select(p => (p.Id, "param", p.Description, p.Source))))
            .Concat(_spec.Calls.SelectMany(c => c.Response.Select(e => (e.Id, "element", e.Description, e.Source))))
            .Concat(_spec.Errors.Select(e => (e.Id, "error", e.Message.Length > 0 ? e.Message : e.Key, e.Source)))
            .Concat(_spec.Rules.Select(r => (r.Id, "rule", r.Requirement, r.Source)));

    private static List<(string Id, string Json)> Serialized(SpecCatalog catalog) =>
        [
            .. catalog.Calls.Select(c => (c.Name, JsonSerializer.Serialize(c))),
            .. catalog.Errors.Select(e => (e.Id, JsonSerializer.Serialize(e))),
            .. catalog.Rules.Select(r => (r.Id, JsonSerializer.Serialize(r))),
        ];

    [GeneratedRegex(@"\b(MUST|SHOULD|MAY)\b")]
    private static partial Regex Rfc2119();

    [GeneratedRegex(@"\bshould\b")]
    private static partial Regex LowerShould();
}
