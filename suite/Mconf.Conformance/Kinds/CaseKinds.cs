namespace Mconf.Conformance.Kinds;

/// <summary>Kind name → check. A case whose kind is not here fails, naming the kind (never a silent pass).</summary>
internal static class CaseKinds
{
    private static readonly Dictionary<string, ICaseKind> Registry = new ICaseKind[]
    {
        new ElementCase(), new EchoParamCase(), new InternalMeetingIdCase(), new SameAcrossCallsCase(), new CountFlaggedCase(),
        new CountAttendeesCase(), new VideoCountCase(), new SinglePresenterCase(), new GuestJoinCase(), new MetaFilterCase(),
        new StatsSelectionCase(), new StatsCallCase(), new ErrorAnswerCase(), new ChecksumCase(), new EnvelopeCase(),
        new EpochMsCase(), new TimeOrderCase(), new SumOfPartsCase(), new LengthMinutesCase(), new CountMatchingCase(), new UniqueKeyCase(),
        new AnswerValueCase(), new RunningAttendeesCase(),
    }.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Registry.Keys;

    public static ICaseKind? Find(string kind) => Registry.GetValueOrDefault(kind);
}
