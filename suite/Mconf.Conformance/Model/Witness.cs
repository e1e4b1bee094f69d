namespace Mconf.Conformance.Model;

/// <summary>An observed value behind a verdict: which answer (<see cref="Request"/>, the redacted request line),
/// which record in it (<see cref="Record"/>: e.g. <c>meeting m-1</c>, <c>attendee u-2</c>, or empty for the answer
/// itself) and which value was judged. A delta counts as verified only through a witness of its own spec ID from
/// a passing case: a case that passed on absence, or on nothing it saw, leaves none.</summary>
public sealed record Witness(string SpecId, string Request, string Record, string Value);
