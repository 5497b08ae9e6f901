using System.ComponentModel.DataAnnotations;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>Where feedback and the record of issued cards are kept (<c>CdsHooks:Feedback</c>).</summary>
public sealed class FeedbackDatabaseOptions
{
    /// <summary>The embedded default: one file, one process.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A shared server: several replicas write to one database.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "CdsHooks:Feedback:Provider must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The ADO.NET connection string. For SQLite, none means <c>Data Source=data/feedback.db</c> under the
    /// content root; a relative <c>Data Source</c> is taken from the content root. PostgreSQL needs one.
    /// </summary>
    public string? ConnectionString { get; set; }
}
