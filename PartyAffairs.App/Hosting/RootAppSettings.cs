using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PartyAffairs.App.Hosting;

public static class RootAppSettings
{
    /// <summary>
    /// The operator edits one appsettings.json at the repository top level; the build copies it next to
    /// the app. Read it from there, whatever the working directory, in the place the default one had —
    /// so environment variables (Storage__DataDirectory) and the command line still override it.
    /// </summary>
    public static void UseRootAppSettings(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" } json)
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = "appsettings.json",
                    Optional = false,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
                return;
            }
        }
    }
}
