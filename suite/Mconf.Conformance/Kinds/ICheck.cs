namespace Mconf.Conformance.Kinds;

/// <summary>The check behind one case kind. <see cref="RunAsync"/> returns normally for a pass and throws
/// CaseFailure, CaseInconclusive or CaseSkipped (Checks namespace) otherwise.</summary>
internal interface ICheck
{
    string Kind { get; }

    Task RunAsync(CaseContext ctx);
}
