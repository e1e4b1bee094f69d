namespace Mconf.Mock.Engine;

/// <summary>A counter bumped on every change a meeting list reader could see (a meeting added, removed, or any
/// change that drops a meeting's cached snapshot). Readers that cache something derived from the meetings (the
/// serialized getMeetings answer) keep the value they read before building it and rebuild when it moved.</summary>
internal sealed class StateVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
