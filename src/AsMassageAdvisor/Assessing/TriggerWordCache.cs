using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// The trigger words (<see cref="TriggerVocabulary"/>) for the facts of one request, each made once: many advisories
/// of an assessment name the same facts (ankylosis, the items), and an assessment is built with one of these.
/// </summary>
internal sealed class TriggerWordCache(AssessmentRequest request, bool plain)
{
    // The facts made so far, few per assessment: a short list searched from the start beats a table of every fact.
    private (int Index, string? Words)[] _facts = [];
    private int _factCount;
    private string?[]? _items;

    public string? Fact(string name)
    {
        var index = TriggerVocabulary.IndexOf(name);
        for (var f = 0; f < _factCount; f++)
        {
            if (_facts[f].Index == index)
            {
                return _facts[f].Words;
            }
        }

        if (_factCount == _facts.Length)
        {
            Array.Resize(ref _facts, Math.Max(4, _factCount * 2));
        }

        var words = TriggerVocabulary.Describe(index, request, plain: plain);
        _facts[_factCount++] = (index, words);
        return words;
    }

    public string Item(int index) =>
        (_items ??= new string?[request.Plan.Items.Count])[index] ??= TriggerVocabulary.DescribeItem(index, request.Plan.Items[index], plain);
}
