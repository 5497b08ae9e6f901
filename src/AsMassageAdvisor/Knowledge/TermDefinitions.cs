using System.Reflection;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// Reads the terms' definitions (<see cref="TermAttribute"/>) from the rule vocabulary (<see cref="Terms"/>, read in a
/// condition as <c>Terms.Member</c>) and the derived facts (read as the rules' variable, e.g. <c>spine.Member</c>):
/// each term once, with its meaning and every member that names it, in the vocabulary's and the members' order.
/// </summary>
internal static class TermDefinitions
{
    // The types whose members define terms, with how a rule condition names them.
    private static readonly (Type Type, string Name)[] Vocabulary =
    [
        (typeof(Terms), nameof(Terms)),
        (typeof(SpineStatus), "spine"),
        (typeof(ItemWork), "work"),
        (typeof(SessionDay), "day"),
    ];

    public static IReadOnlyList<TermDefinition> Read()
    {
        var named = Vocabulary
            .SelectMany(v => v.Type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken)
                .SelectMany(m => m.GetCustomAttributes<TermAttribute>().Select(t => (Term: t, Where: $"{v.Name}.{m.Name}"))))
            .ToArray();
        return named
            .Where(n => n.Term.Meaning is not null)
            .OrderBy(n => n.Term.Order)
            .Select(n => new TermDefinition(
                n.Term.Term,
                n.Term.Meaning!,
                named.Where(o => o.Term.Term == n.Term.Term).Select(o => o.Where).ToArray().AsReadOnly()))
            .ToArray()
            .AsReadOnly();
    }
}
