namespace AsMassageAdvisor.Model;

/// <summary>A neurological symptom the patient reports.</summary>
public enum NeurologicalSymptom
{
    /// <summary>Weakness that is getting worse.</summary>
    ProgressiveWeakness = 1,

    /// <summary>Numbness, tingling or other changes in sensation.</summary>
    SensoryChanges,
}
