using System.Runtime.CompilerServices;
using Bunit;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// How long a component test's <c>WaitForAssertion</c> waits when it names no time. bUnit's own default is one second, and on
/// PostgreSQL under a loaded CI a command's write and the page's reload after it took longer (InspectionsPageTests failed so).
/// A wait ends as soon as its assertion passes, so a longer limit costs nothing on a pass.
/// </summary>
internal static class ComponentWaits
{
    [ModuleInitializer]
    internal static void WaitLonger() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
