using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Hosting;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>The operator's verbs as Program.cs runs them: the app built, not started.</summary>
public sealed class CommandLineTests : ArchiveTestBase
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = harness.DataDirectory });
        builder.Configuration["Storage:DataDirectory"] = harness.DataDirectory;
        builder.Configuration["Bureau:TimeZone"] = "Asia/Shanghai";
        builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await app.RunCommandAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Verify_archive_prints_ok_and_exits_0_then_names_the_broken_record_and_exits_1()
    {
        await harness.SignInAsync("office");
        var first = (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Value!;
        (await ArchiveAsync(await ClosedDisclosureAsync())).Succeeded.ShouldBeTrue();

        var ok = await RunAsync(CommandLine.VerifyArchive);
        ok.Code.ShouldBe(0, ok.Error);
        ok.Output.ShouldContain("2");

        await using (var db = harness.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "ArchiveRecords_NoUpdate";""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "ArchiveRecords" SET "Title" = 'x' WHERE "ArchiveNumber" = {first}""");
        }
        var broken = await RunAsync(CommandLine.VerifyArchive);
        broken.Code.ShouldBe(1);
        broken.Output.ShouldContain(first + ": ");
    }

    [Fact]
    public async Task Verify_a_package_file_and_back_up_from_the_command_line()
    {
        await harness.SignInAsync("office");
        (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Succeeded.ShouldBeTrue();
        var zip = Path.Combine(harness.DataDirectory, "bad.zip");
        await File.WriteAllTextAsync(zip, "not a zip");

        (await RunAsync(CommandLine.VerifyArchive, "--package", zip)).Code.ShouldBe(1);
        (await RunAsync(CommandLine.VerifyArchive, "--package", Path.Combine(harness.DataDirectory, "none.zip"))).Code.ShouldBe(2);
        var backup = await RunAsync(CommandLine.Backup, Path.Combine(harness.DataDirectory, "backup"));
        backup.Code.ShouldBe(0, backup.Error);
        File.Exists(Path.Combine(harness.DataDirectory, "backup", "partyaffairs.db")).ShouldBeTrue();
        (await RunAsync(CommandLine.Backup)).Code.ShouldBe(2);
    }
}
