namespace AsMassageAdvisor.Model;

/// <summary>A body region a plan item works on. The first four are spinal regions.</summary>
public enum BodyRegion
{
    /// <summary>The neck (cervical spine).</summary>
    Cervical = 1,

    /// <summary>The upper and middle back (thoracic spine).</summary>
    Thoracic,

    /// <summary>The low back (lumbar spine).</summary>
    Lumbar,

    /// <summary>The sacroiliac joints and pelvis; counted as spinal by interpretation.</summary>
    Sacroiliac,

    /// <summary>The shoulders.</summary>
    Shoulders,

    /// <summary>The hips.</summary>
    Hips,

    /// <summary>The arms.</summary>
    Arms,

    /// <summary>The legs.</summary>
    Legs,

    /// <summary>The chest.</summary>
    Chest,

    /// <summary>The abdomen.</summary>
    Abdomen,

    /// <summary>The head.</summary>
    Head,

    /// <summary>The hands.</summary>
    Hands,

    /// <summary>The feet.</summary>
    Feet,
}
