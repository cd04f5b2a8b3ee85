using System.Globalization;
using System.Runtime.CompilerServices;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// The app speaks Chinese first, and the tests read its messages as a person in the bureau would.
/// Fix the culture for the whole run so a machine set to English (LANG=en_US) does not change what they see.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseChinese()
    {
        CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("zh-CN");
    }
}
