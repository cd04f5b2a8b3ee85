using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Clicks an element as the page is now. A page that reloads after its first render (a grid's page, a read that finishes
/// later on PostgreSQL than on SQLite) replaces its buttons, and a button found before the reload has no handler after it;
/// a person would simply click the new one, so the element is found again and clicked, a few times at most.
/// </summary>
public static class FreshClick
{
    public static void Click(Func<IElement> find)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                find().Click();
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 5)
            {
                Thread.Sleep(50);
            }
        }
    }
}
