using System.Text.Json;
using Mconf.Spec.Model;

namespace Mconf.Spec.Tests;

/// <summary>Presence per parent: every element is either in every instance of its parent (<c>always</c>) or
/// <c>optional</c> under a documented condition (<c>absentWhen</c>) that names real elements and answer keys and has
/// its own source; the schema and the model know the same condition kinds.</summary>
public sealed partial class SpecLintTests
{
    private IEnumerable<(CallSpec Call, ElementSpec Element)> Elements() =>
        _spec.Calls.SelectMany(c => c.Response.Select(e => (c, e)));

    [Test]
    public void Optional_elements_state_when_they_may_be_absent_and_always_elements_do_not()
    {
        NoOffenders(Elements()
            .Where(x => (x.Element.When == Presence.Optional) != (x.Element.AbsentWhen is not null))
            .Select(x => $"{x.Element.Id} (when={x.Element.When}, absentWhen={(x.Element.AbsentWhen is null ? "none" : AbsenceCondition.Name(x.Element.AbsentWhen.Kind))})"),
            "Elements whose presence is optional without a documented condition, or always with one", "; ");
    }

    [Test]
    public void Absence_conditions_have_their_arguments_and_name_elements_and_keys_of_the_call()
    {
        var offenders = new List<string>();
        foreach (var (call, element) in Elements())
        {
            if (element.AbsentWhen is not { } condition)
            {
                continue;
            }

            var required = AbsenceCondition.RequiredArgs(condition.Kind);
            var given = condition.Args?.Keys.ToList() ?? [];
            if (!required.Order(StringComparer.Ordinal).SequenceEqual(given.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                offenders.Add($"{element.Id}: {AbsenceCondition.Name(condition.Kind)} needs exactly [{string.Join(", ", required)}], has [{string.Join(", ", given)}]");
                continue;
            }

            foreach (var name in given)
            {
                var value = condition.Arg(name);
                var problem = name switch
                {
                    "list" => call.Element(value) is { Repeated: true } list && !InsideRepeated(call, list.ParentPath)
                        ? null : "is not a repeated element outside repeated elements",
                    "count" => call.Element(value) is { Type: SpecType.Number, Repeated: false } number && !InsideRepeated(call, number.ParentPath)
                        ? null : "is not a Number element outside repeated elements",
                    "key" => call.Errors.Contains(value, StringComparer.Ordinal) && _spec.Errors.Any(e => e.Key == value && e.Success)
                        ? null : "is not a SUCCESS answer key of the call",
                    _ => "is not an argument of the kind",
                };
                if (problem is not null)
                {
                    offenders.Add($"{element.Id}: {name}={value} {problem}");
                }
            }
        }

        NoOffenders(offenders, "Absence conditions with wrong arguments", "; ");
    }

    [Test]
    public void Absence_conditions_are_sourced_like_every_entry()
    {
        var wiki = RepoRoot.Read(WikiCopy);
        var sections = ReferenceSections(RepoRoot.Read(ReferenceDoc)).ToHashSet(StringComparer.Ordinal);
        NoOffenders(Elements()
            .Where(x => x.Element.AbsentWhen is not null)
            .Where(x => x.Element.AbsentWhen!.Description.Length is 0 or >= MaxDescriptionLength
                || LowerShould().IsMatch(x.Element.AbsentWhen.Description)
                || x.Element.AbsentWhen.Source.Quote.Length is 0 or >= MaxQuoteLength
                || x.Element.AbsentWhen.Source.Doc switch
                {
                    SourceRef.Wiki => !wiki.Contains(x.Element.AbsentWhen.Source.Quote, StringComparison.Ordinal)
                        || !WikiHeadings(wiki).Contains(x.Element.AbsentWhen.Source.Section),
                    SourceRef.Reference => !sections.Contains(x.Element.AbsentWhen.Source.Section),
                    _ => true,
                })
            .Select(x => x.Element.Id), "Absence conditions without a one-line description or a verifiable source");
    }

    [Test]
    public void Children_of_an_element_absent_under_a_condition_are_judged_only_where_it_is_present()
    {
        // A child's own presence is relative to its parent: "always" under an optional parent means "in every
        // instance of the parent that is there", which the element case checks instance by instance.
        var offenders = new List<string>();
        foreach (var call in _spec.Calls)
        {
            foreach (var element in call.Response.Where(e => e.ParentPath.Length > 0))
            {
                if (call.Element(element.ParentPath) is null)
                {
                    offenders.Add(element.Id);
                }
            }
        }

        NoOffenders(offenders, "Elements whose parent is not described");
    }

    [Test]
    public void The_schema_and_the_model_know_the_same_absence_condition_kinds()
    {
        using var schema = JsonDocument.Parse(RepoRoot.Read("specs/spec.schema.json"));
        var kinds = schema.RootElement.GetProperty("$defs").GetProperty("absenceCondition").GetProperty("properties")
            .GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!).Order(StringComparer.Ordinal).ToList();
        kinds.ShouldBe([.. Enum.GetValues<AbsenceKind>().Select(AbsenceCondition.Name).Order(StringComparer.Ordinal)]);
        foreach (var kind in kinds)
        {
            AbsenceCondition.Name(AbsenceCondition.Parse(kind)).ShouldBe(kind);
        }
    }

    private static bool InsideRepeated(CallSpec call, string path)
    {
        for (var p = path; p.Length > 0; p = p.Contains('/', StringComparison.Ordinal) ? p[..p.LastIndexOf('/')] : "")
        {
            if (call.Element(p)?.Repeated == true)
            {
                return true;
            }
        }

        return false;
    }
}
