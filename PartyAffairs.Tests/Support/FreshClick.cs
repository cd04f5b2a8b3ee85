using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Clicks an element as the page is now. A page that reloads after its first render (a grid's page, a read that finishes
/// later on PostgreSQL than on SQLite) replaces its buttons, and a button found before the reload has no handler after it.
/// Finding and clicking on the renderer's own dispatcher leaves no moment for a render in between (bUnit's advice); a retry
/// after a short sleep did not, and failed now and then on a loaded machine.
/// </summary>
public static class FreshClick
{
    public static Task ClickAsync<TComponent>(IRenderedComponent<TComponent> cut, Func<IElement> find) where TComponent : IComponent =>
        cut.InvokeAsync(() => find().Click());
}
