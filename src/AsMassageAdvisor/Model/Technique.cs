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

    /// <summary>
    /// Passive stretching: the giver moves the patient's joints through their range. On a spinal region, the head or
    /// the shoulders it moves the spine.
    /// </summary>
    PassiveStretching,

    /// <summary>Trigger-point therapy: sustained firm pressure on one point; always counted as aggressive.</summary>
    TriggerPoint,

    /// <summary>Myofascial release: slow sustained stretching of the connective tissue; judged by its stated pressure.</summary>
    MyofascialRelease,

    /// <summary>Hot-stone massage: strokes with heated stones; judged by its stated pressure.</summary>
    HotStone,
}
