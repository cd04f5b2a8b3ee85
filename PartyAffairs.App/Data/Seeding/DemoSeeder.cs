namespace PartyAffairs.App.Data.Seeding;

public sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
