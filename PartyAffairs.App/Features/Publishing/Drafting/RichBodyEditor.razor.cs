using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// The draft body's WYSIWYG editor (Tiptap, bundled from npm into wwwroot/lib/body-editor and imported only here). The HTML
/// travels both ways as a stream: a full-length body (100,000 characters, ~400 KB of HTML) is larger than the circuit's
/// 320 KB message limit. The browser sends it ~500 ms after typing stops, at once on leaving the editor, never mid-composition.
/// </summary>
public sealed partial class RichBodyEditor
{
    /// <summary>Far above a full-length body's HTML; a larger message is refused by the stream, not stored.</summary>
    public const long MaxHtmlBytes = 4 * 1024 * 1024;

    private const string BundlePath = "./lib/body-editor/body-editor.js";

    [Parameter] public string? Value { get; set; }

    [Parameter] public EventCallback<string> ValueChanged { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>The field's accessible name; the draft body's 正文 when not given.</summary>
    [Parameter] public string? Label { get; set; }

    /// <summary>Leaving the editor: the host saves now. Raised after <see cref="ValueChanged"/> has the latest text.</summary>
    [Parameter] public EventCallback OnBlur { get; set; }

    /// <summary>Stores a pasted or dropped image (file name, content type, content) and returns its URL, or null once the host has said why not.</summary>
    [Parameter] public Func<string, string, Stream, Task<string?>>? UploadImage { get; set; }

    private ElementReference host;
    private IJSObjectReference? module;
    private IJSObjectReference? editor;
    private DotNetObjectReference<RichBodyEditor>? self;
    private BodyEditorState state = new();
    private string? message;
    // What the browser's editor holds as far as this side knows: a Value equal to it is not sent back.
    private string? shown;
    private bool? shownReadOnly;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                module = await JS.InvokeAsync<IJSObjectReference>("import", BundlePath);
                if (module is null) return;
                self = DotNetObjectReference.Create(this);
                shown = Value ?? "";
                shownReadOnly = ReadOnly;
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(shown));
                using var reference = new DotNetStreamReference(content);
                editor = await module.InvokeAsync<IJSObjectReference>("create", host, self, new { readOnly = ReadOnly, label = Label ?? D["Draft.Body"].Value }, reference);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                return;
            }
        }
        await PushAsync();
    }

    // The host changed the body (loaded, restored from the browser's copy, another window's text): the editor shows it.
    private async Task PushAsync()
    {
        if (editor is null) return;
        try
        {
            if (shownReadOnly != ReadOnly)
            {
                shownReadOnly = ReadOnly;
                await editor.InvokeVoidAsync("setReadOnly", ReadOnly);
            }
            var value = Value ?? "";
            if (value == shown) return;
            shown = value;
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(value));
            using var reference = new DotNetStreamReference(content);
            await editor.InvokeVoidAsync("setHtmlFromStream", reference);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The browser went away; the next render or visit shows the body again.
        }
    }

    /// <summary>Makes the browser send what it holds now (before leaving or submitting); returns once it arrived.</summary>
    public async Task FlushAsync()
    {
        if (editor is null || ReadOnly) return;
        try
        {
            await editor.InvokeVoidAsync("flush");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Nothing more can arrive; the host saves what it has.
        }
    }

    [JSInvokable]
    public async Task ReceiveHtml(IJSStreamReference html)
    {
        string text;
        await using (html)
        {
            await using var stream = await html.OpenReadStreamAsync(MaxHtmlBytes);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = await reader.ReadToEndAsync();
        }
        if (ReadOnly || text == shown) return;
        shown = text;
        await ValueChanged.InvokeAsync(text);
    }

    [JSInvokable]
    public Task Blurred() => ReadOnly ? Task.CompletedTask : OnBlur.InvokeAsync();

    [JSInvokable]
    public void State(BodyEditorState now)
    {
        state = now;
        StateHasChanged();
    }

    [JSInvokable]
    public void Notice(string code)
    {
        message = code switch
        {
            "LocalImagesDropped" => D["Editor.LocalImagesDropped"].Value,
            _ => null,
        };
        StateHasChanged();
    }

    [JSInvokable]
    public async Task<string?> UploadImageAsync(string fileName, string contentType, IJSStreamReference data)
    {
        await using (data)
        {
            if (UploadImage is null || ReadOnly) return null;
            // The host's upload stops reading past its size limit and says so; the stream itself may claim any size.
            await using var stream = await data.OpenReadStreamAsync(Math.Max(1, data.Length));
            return await UploadImage(fileName, contentType, stream);
        }
    }

    private async Task RunAsync(string command, string? argument = null)
    {
        if (editor is null || ReadOnly) return;
        try
        {
            await editor.InvokeVoidAsync("run", command, argument);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // A lost browser: the command did nothing.
        }
    }

    private async Task EditLinkAsync()
    {
        var parameters = new DialogParameters<LinkDialog> { { d => d.Address, state.Link } };
        var dialog = await Dialogs.ShowAsync<LinkDialog>(D["Editor.LinkTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string address }) await RunAsync("link", address);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (editor is not null)
            {
                await editor.InvokeVoidAsync("dispose");
                await editor.DisposeAsync();
            }
            if (module is not null) await module.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The browser is already gone.
        }
        self?.Dispose();
    }
}
