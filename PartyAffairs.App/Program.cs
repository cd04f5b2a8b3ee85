using PartyAffairs.App.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, CommandLine.SwitchMappings);
builder.Configuration.AddInMemoryCollection(CommandLine.ForcedSettings(args));
builder.UseRootAppSettings();
builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);
// An operator's verb prints its own report: the host's informational logging would only bury it.
if (CommandLine.IsCommand(args)) builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
if (CommandLine.IsCommand(args)) return await app.RunCommandAsync(args, Console.Out, Console.Error);
await app.InitializeDatabaseAsync();
app.UsePartyAffairs();
app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
