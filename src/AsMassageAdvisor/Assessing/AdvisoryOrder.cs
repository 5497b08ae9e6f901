using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// The orders of an assessment: findings grouped by rule, then item, to become advisories; advisories most severe first,
/// then by code, an indeterminate one after a determinate one of the same rule. Both are total, so the output is the
/// same whatever order the engine found things in.
/// </summary>
internal static class AdvisoryOrder
{
    public static readonly Comparison<Finding> ByRuleThenItem = (x, y) =>
    {
        var byCode = string.CompareOrdinal(x.Rule.Code, y.Rule.Code);
        if (byCode != 0)
        {
            return byCode;
        }

        var byKind = x.Indeterminate.CompareTo(y.Indeterminate);
        return byKind != 0 ? byKind : x.Item.CompareTo(y.Item);
    };

    private static readonly IComparer<Advisory> MostSevereFirstOrder = Comparer<Advisory>.Create(MostSevereFirst);

    // An assessment has a handful of advisories: an insertion sort orders them without the allocations of Array.Sort.
    // The order is total (severity, code, indeterminate), so either sort gives the same result.
    public static void SortMostSevereFirst(Advisory[] advisories)
    {
        if (advisories.Length > 32)
        {
            Array.Sort(advisories, MostSevereFirstOrder);
            return;
        }

        for (var i = 1; i < advisories.Length; i++)
        {
            var current = advisories[i];
            var j = i - 1;
            while (j >= 0 && MostSevereFirst(advisories[j], current) > 0)
            {
                advisories[j + 1] = advisories[j];
                j--;
            }

            advisories[j + 1] = current;
        }
    }

    // Most severe first, then by code; an indeterminate advisory after a determinate one of the same rule.
    private static int MostSevereFirst(Advisory x, Advisory y)
    {
        // Compared as numbers: Enum.CompareTo takes an object and would box both values on every comparison.
        var bySeverity = ((int)y.Severity).CompareTo((int)x.Severity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byCode = string.CompareOrdinal(x.Code, y.Code);
        return byCode != 0 ? byCode : x.Indeterminate.CompareTo(y.Indeterminate);
    }
}
