namespace AsMassageAdvisor.Advice;

/// <summary>What a change of the safer plan does to one item of the plan.</summary>
public enum ChangeAction
{
    /// <summary>Leave the item out.</summary>
    Remove = 1,

    /// <summary>Keep the technique and the region, at a lower (or, when none was stated, a stated) pressure.</summary>
    Lighten,

    /// <summary>Use a gentler technique on the same region.</summary>
    Replace,
}
