namespace Mconf.Conformance.Kinds;

/// <summary>Kind name → check. A case whose kind is not here fails, naming the kind (never a silent pass).</summary>
internal static class CaseKinds
{
    private static readonly Dictionary<string, ICheck> Registry = new ICheck[]
    {
        new ElementCheck(), new EchoParamCheck(), new InternalMeetingIdCheck(), new SameAcrossCallsCheck(), new CountFlaggedCheck(),
        new CountAttendeesCheck(), new VideoCountCheck(), new SinglePresenterCheck(), new GuestJoinCheck(), new MetaFilterCheck(),
        new StatsSelectionCheck(), new StatsCallCheck(), new ErrorAnswerCheck(), new ChecksumCheck(), new EnvelopeCheck(),
        new EpochMsCheck(), new TimeOrderCheck(), new SumOfPartsCheck(), new LengthMinutesCheck(), new CountMatchingCheck(), new UniqueKeyCheck(),
        new AnswerValueCheck(), new RunningAttendeesCheck(),
    }.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Registry.Keys;

    public static ICheck? Find(string kind) => Registry.GetValueOrDefault(kind);
}
