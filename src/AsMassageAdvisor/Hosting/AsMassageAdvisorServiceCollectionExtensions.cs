using AsMassageAdvisor;
using AsMassageAdvisor.Hosting;
using AsMassageAdvisor.Knowledge;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the advisor in a host's service collection.</summary>
public static class AsMassageAdvisorServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="Advisor"/> and its <see cref="KnowledgeBase"/> as singletons, with
    /// options checked when the host starts (a bad clinic rule file stops the start with every problem named).
    /// The knowledge base's version, hash and rule counts are logged at Information; a rule that cannot be
    /// evaluated is logged at Warning by its code. Patient facts are never logged above Debug.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. a clinic rule file; may be null for the built-in rules alone.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddAsMassageAdvisor(this IServiceCollection services, Action<AsMassageAdvisorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AsMassageAdvisorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddSingleton(sp => new KnowledgeBaseLoader(Logger<KnowledgeBaseLoader>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AsMassageAdvisorOptions>, AsMassageAdvisorOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<KnowledgeBaseLoader>().Get(sp.GetRequiredService<IOptions<AsMassageAdvisorOptions>>().Value));
        services.TryAddSingleton(sp => new Advisor(sp.GetRequiredService<KnowledgeBase>(), Logger<Advisor>(sp), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    private static ILogger<T> Logger<T>(IServiceProvider services) => services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
