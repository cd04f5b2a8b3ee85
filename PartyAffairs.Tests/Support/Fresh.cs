using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Raises an event on an element as the page is now, on the renderer's own dispatcher. Two races hide in bUnit's plain
/// <c>Click()</c>/<c>Input()</c> when a page reads after its first render (a grid's page, a picker's name, any read that
/// finishes later on PostgreSQL than on SQLite):
/// <list type="bullet">
/// <item>the reload replaces the element's handlers, and an element found before it has none after it;</item>
/// <item>while the read's continuation holds the dispatcher, the plain call only queues the event and returns, so the next
/// line looks before the handler has run.</item>
/// </list>
/// Finding and raising on the dispatcher leaves no moment for a render in between (bUnit's advice).
/// </summary>
public static class Fresh
{
    /// <summary>
    /// Clicks and returns once the handler has started: a click may open a dialog and wait for it, so what it leads to is
    /// awaited with <c>WaitForAssertion</c> or the dialog's result.
    /// </summary>
    public static Task ClickAsync<TComponent>(IRenderedComponent<TComponent> cut, Func<IElement> find) where TComponent : IComponent =>
        cut.InvokeAsync(() => find().Click());

    /// <summary>Types into a field and returns once its handler has finished, so the next line sees the value taken.</summary>
    public static Task InputAsync<TComponent, TValue>(IRenderedComponent<TComponent> cut, Func<IElement> find, TValue value)
        where TComponent : IComponent =>
        cut.InvokeAsync(() => find().InputAsync(value));

    /// <summary>Changes a field (a checkbox, a committed text) and returns once its handler has finished.</summary>
    public static Task ChangeAsync<TComponent, TValue>(IRenderedComponent<TComponent> cut, Func<IElement> find, TValue value)
        where TComponent : IComponent =>
        cut.InvokeAsync(() => find().ChangeAsync(value));
}
