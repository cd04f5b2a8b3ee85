using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Hosting.Circuits;

public static class CircuitLimitsRegistration
{
    /// <summary>The circuit limits of <see cref="CircuitLimitsOptions"/> on Blazor's circuits and hub.</summary>
    public static IServerSideBlazorBuilder AddCircuitLimits(this IServerSideBlazorBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(CircuitLimitsOptions.Section);
        var limits = section.Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();
        builder.Services.Configure<CircuitLimitsOptions>(section);
        // A person's circuits count on every node together when the nodes share a PostgreSQL database; one SQLite node counts
        // them in memory. Message size, unacknowledged batches and the inbound throttle guard one node's own memory and CPU
        // and stay per connection.
        if (DatabaseOptions.From(configuration).IsPostgreSql)
        {
            builder.Services.AddSingleton<ClusterCircuitLedger>();
            builder.Services.AddSingleton<ICircuitLedger>(sp => sp.GetRequiredService<ClusterCircuitLedger>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterCircuitLedger>());
        }
        else
        {
            builder.Services.AddSingleton<CircuitLedger>();
            builder.Services.AddSingleton<ICircuitLedger>(sp => sp.GetRequiredService<CircuitLedger>());
        }
        builder.Services.AddSingleton<CircuitLimitsFilter>();
        builder.Services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitsOptions>>((circuit, configured) =>
        {
            circuit.MaxBufferedUnacknowledgedRenderBatches = configured.Value.MaxBufferedUnacknowledgedRenderBatches;
            circuit.DisconnectedCircuitRetentionPeriod = configured.Value.DisconnectedRetention;
        });
        return builder.AddHubOptions(hub =>
        {
            hub.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSize;
            hub.AddFilter<CircuitLimitsFilter>();
        });
    }
}
