namespace PartyAffairs.Tests.Drills;

/// <summary>The test assembly as a program: the crash drill starts it as a child process and kills it mid-write.</summary>
public static class DrillEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [CrashDrillWriter.Verb, var dataDirectory]) return await CrashDrillWriter.RunAsync(dataDirectory, Console.Out);
        await Console.Error.WriteLineAsync($"usage: dotnet PartyAffairs.Tests.dll {CrashDrillWriter.Verb} DATA_DIRECTORY");
        return 2;
    }
}
