using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Experiments;
using Sdr.Core.Outbox;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;

namespace Sdr.Core.Agent;

public static class ServiceCollectionExtensions
{
    /// <summary>The agent half (sdr:agent): reply intake, the SdrAgent on the outbox's loop, answers, handoff, booking and the resume sweep.</summary>
    public static IHostApplicationBuilder AddAgent(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<AgentOptions>(AgentOptions.SectionName);
        services.AddSingleton<IVariantTemplates, AgentAnswerVariants>();
        services.TryAddSingleton<ObjectionHandler>();
        services.AddSingleton<IOutboxActionHandler, ReplyAgentAction>();
        services.TryAddScoped<ConversationStore>();
        services.TryAddScoped<ConversationEvents>();
        services.TryAddScoped<ReplyIntake>();
        services.TryAddScoped<ReplyOptOut>();
        services.TryAddScoped<LlmUsage>();
        services.TryAddScoped<AnswerWriter>();
        services.TryAddScoped<ConversationHistory>();
        services.TryAddScoped<HandoffService>();
        services.TryAddScoped<SdrBookingService>();
        services.TryAddScoped<SdrAgent>();
        services.TryAddScoped<ConversationResumer>();
        services.TryAddScoped<ObjectionStatistics>();
        services.AddScoped<IBeforeCadenceBatch>(provider => provider.GetRequiredService<ConversationResumer>());
        return builder;
    }
}
