using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace PartyAffairs.App.Hosting.Circuits;

public static class CircuitLimitsRegistration
{
    /// <summary>The circuit limits of <see cref="CircuitLimitsOptions"/> on Blazor's circuits and hub.</summary>
    public static IServerSideBlazorBuilder AddCircuitLimits(this IServerSideBlazorBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(CircuitLimitsOptions.Section);
        var limits = section.Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();
        builder.Services.Configure<CircuitLimitsOptions>(section);
        builder.Services.AddSingleton<CircuitLedger>();
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
