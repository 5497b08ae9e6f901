namespace AsMassageAdvisor.Knowledge;

/// <summary>What a rule is evaluated against.</summary>
public enum RuleScope
{
    /// <summary>Once per request: the patient and the plan as a whole.</summary>
    Patient = 1,

    /// <summary>Once per plan item; its advisory lists the items it fired on.</summary>
    Item,
}
