using Mconf.Mock.Api;

namespace Mconf.Mock.Export;

/// <summary>One example exchange to export: the call, the query parameters a mapping must match (none: any), and
/// what the fake answered.</summary>
internal sealed record ExampleAnswer(string Name, ApiHandler Handler, IReadOnlyList<KeyValuePair<string, string>> Match, ApiAnswer Result, string Description);
