using PartyAffairs.App.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseRootAppSettings();
builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UsePartyAffairs();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
