using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsMassageAdvisor;

/// <summary>
/// Answers one question before a massage session: is this plan safe for this person with ankylosing
/// spondylitis, and if not, what must change? Build one advisor and share it: it is immutable and
/// thread-safe, and all rule compilation happens when its knowledge base is loaded.
/// </summary>
public sealed partial class Advisor
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates an advisor on the built-in knowledge base.</summary>
    public Advisor()
        : this(KnowledgeBase.BuiltIn)
    {
    }

    /// <summary>Creates an advisor on a given knowledge base.</summary>
    /// <param name="knowledgeBase">A loaded knowledge base.</param>
    public Advisor(KnowledgeBase knowledgeBase)
        : this(knowledgeBase, NullLogger<Advisor>.Instance)
    {
    }

    /// <summary>
    /// Creates an advisor on a given knowledge base that logs: rules that could not be evaluated at Warning (by
    /// rule code), rejected requests at Information (by count), a summary of each assessment at Debug. Patient
    /// facts are never logged above Debug.
    /// </summary>
    /// <param name="knowledgeBase">A loaded knowledge base.</param>
    /// <param name="logger">Where to log.</param>
    public Advisor(KnowledgeBase knowledgeBase, ILogger<Advisor> logger)
        : this(knowledgeBase, logger, TimeProvider.System)
    {
    }

    /// <summary>
    /// Creates an advisor that logs as <see cref="Advisor(KnowledgeBase, ILogger{Advisor})"/> does and reads the
    /// date from a given clock. The clock is only read for a request whose status has a confirmation date but
    /// whose plan has no session date: the session is then taken to be today (UTC).
    /// </summary>
    /// <param name="knowledgeBase">A loaded knowledge base.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="timeProvider">The clock that says what day it is.</param>
    public Advisor(KnowledgeBase knowledgeBase, ILogger<Advisor> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        KnowledgeBase = knowledgeBase;
        _logger = logger;
        _time = timeProvider;
    }

    /// <summary>The knowledge base the advisor uses.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>Validates a request and assesses it.</summary>
    /// <param name="request">The patient's status and the proposed session.</param>
    /// <returns>The decision and the advisories, most severe first.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Assessment Assess(AssessmentRequest request)
    {
        Validate(request);
        return AssessRead(request);
    }

    /// <summary>
    /// Validates a request, assesses it and tells, for every active rule, whether it fired, did not
    /// apply, or could not be evaluated, and why.
    /// </summary>
    /// <param name="request">The patient's status and the proposed session.</param>
    /// <returns>The assessment and every rule's verdict.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Explanation Explain(AssessmentRequest request)
    {
        Validate(request);
        return ExplainRead(request);
    }

    /// <summary>Reads a request from JSON, validates it and assesses it.</summary>
    /// <param name="json">The request as JSON (the contract's input shape).</param>
    /// <returns>The decision and the advisories, most severe first.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Assessment Assess(string json)
    {
        AssessmentRequest request;
        try
        {
            request = AssessmentRequestJson.Parse(json);
        }
        catch (InvalidRequestException ex)
        {
            Rejected(ex);
            throw;
        }

        // The reader checked the dates against the system's day; the advisor's own clock decides (a cheap screen).
        Validate(request);
        return AssessRead(request);
    }

    /// <summary>Assesses a request that <see cref="AssessmentRequestJson"/> has read, and so validated, already.</summary>
    internal Assessment AssessRead(AssessmentRequest request) =>
        Logged(AssessmentBuilder.Build(KnowledgeBase, request, _time), request);

    /// <summary>Explains a request that <see cref="AssessmentRequestJson"/> has read, and so validated, already.</summary>
    internal Explanation ExplainRead(AssessmentRequest request)
    {
        var explanation = AssessmentBuilder.Explain(KnowledgeBase, request, _time);
        Logged(explanation.Assessment, request);
        return explanation;
    }

    private void Validate(AssessmentRequest request)
    {
        try
        {
            RequestValidation.EnsureValid(request, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        }
        catch (InvalidRequestException ex)
        {
            Rejected(ex);
            throw;
        }
    }

    // Only counts and codes leave the library above Debug; the problems' paths (never their values) at Debug.
    private void Rejected(InvalidRequestException ex)
    {
        LogRejected(_logger, ex.Errors.Count);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogRejectedPaths(_logger, string.Join(", ", ex.Errors.Select(e => e.Path).Distinct()));
        }
    }

    private Assessment Logged(Assessment assessment, AssessmentRequest request)
    {
        // An index loop: this runs on every assessment and should not allocate.
        for (var i = 0; i < assessment.Advisories.Count; i++)
        {
            if (assessment.Advisories[i].Indeterminate)
            {
                LogIndeterminate(_logger, assessment.Advisories[i].Code);
            }
        }

        LogAssessed(_logger, request.Plan.Items.Count, assessment.Decision, assessment.Advisories.Count, assessment.UnknownFacts.Count);
        return assessment;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Rule {RuleCode} could not be evaluated; its advisory was issued conservatively, as if it applied")]
    private static partial void LogIndeterminate(ILogger logger, string ruleCode);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "A request was rejected as invalid with {ProblemCount} problems")]
    private static partial void LogRejected(ILogger logger, int problemCount);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Rejected request: problems at {Paths}")]
    private static partial void LogRejectedPaths(ILogger logger, string paths);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug,
        Message = "Assessed a plan of {ItemCount} items: decision {Decision}, {AdvisoryCount} advisories, {UnknownFactCount} unknown facts")]
    private static partial void LogAssessed(ILogger logger, int itemCount, Decision decision, int advisoryCount, int unknownFactCount);
}
