namespace AsMassageAdvisor.Model;

/// <summary>A massage technique a plan item uses.</summary>
public enum Technique
{
    /// <summary>Gentle gliding strokes with the palm.</summary>
    Effleurage = 1,

    /// <summary>Slow kneading that compresses the tissue.</summary>
    Petrissage,

    /// <summary>Quick rhythmic percussion.</summary>
    Tapotement,

    /// <summary>Shaking of a small area with the hand or fingertips.</summary>
    Vibration,

    /// <summary>Quick circular or back-and-forth strokes meant to work through adhesions.</summary>
    Friction,

    /// <summary>Deep-tissue massage; always counted as aggressive.</summary>
    DeepTissue,

    /// <summary>Spinal manipulation or mobilisation.</summary>
    SpinalManipulation,

    /// <summary>Self-massage with a tool such as a tennis ball.</summary>
    ToolSelfMassage,
}
